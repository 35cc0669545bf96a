package io.scimplaybook.workflows;

import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recorded histories: {@code workflows/src/test/resources/histories/}, one JSON file per recorded run. */
public final class HistoryFolder {
  private HistoryFolder() {}

  /** The folder as the workflows module's tests see it (its copy under target/test-classes). */
  static Path onClasspath() {
    URL url = HistoryFolder.class.getResource("/histories");
    if (url == null || !"file".equals(url.getProtocol())) {
      throw new IllegalStateException("the histories folder is not a directory on this classpath: " + url);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code .json} file in the folder, by name. */
  public static List<Path> files(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A history as {@code WorkflowReplayer} reads it (the JSON Temporal's CLI and UI export). */
  public static WorkflowExecutionHistory read(Path file) {
    try {
      return WorkflowExecutionHistory.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The workflow type of the run the history records. */
  public static String workflowType(WorkflowExecutionHistory history) {
    return history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
  }
}
