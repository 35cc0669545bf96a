package io.scimplaybook.workflows;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a freshly recorded history into the histories folder, after the checks that keep released histories honest:
 * no secret in it, its run is of the newest release {@link RecordedWorkflow} lists, it replays, and the file it replaces
 * (if any) still replays on the current code.
 */
public final class HistoryRecording {
  private HistoryRecording() {}

  /**
   * @param secrets the recording run's own secrets, name to value (tokens it generated, its seal key)
   * @return the file written
   */
  public static Path write(Path folder, RecordedWorkflow workflow, String scenario, WorkflowExecutionHistory history,
      Map<String, String> secrets) throws Exception {
    String type = HistoryFolder.workflowType(history);
    if (!workflow.type().equals(type)) {
      throw new IllegalArgumentException("recording '" + scenario + "' is of " + type + ", not " + workflow.type());
    }
    List<String> leaked = HistorySecrets.findIn(history, secrets);
    if (!leaked.isEmpty()) {
      throw new AssertionError("the " + scenario + " recording holds " + String.join(", ", leaked)
          + "; nothing was written");
    }
    RecordedRelease release = workflow.current();
    if (!release.scenarios().contains(scenario)) {
      throw new IllegalArgumentException("release " + release.version() + " of " + type + " lists no scenario '"
          + scenario + "'; add it to RecordedWorkflow");
    }
    Map<String, Integer> markers = VersionMarkers.of(history);
    markers.forEach((changeId, version) -> {
      if (!version.equals(release.changeIds().get(changeId))) {
        throw new AssertionError(type + " now records change id '" + changeId + "' at version " + version
            + ", which its newest release " + release.version() + " does not list (" + release.changeIds() + "). A "
            + "versioned change was made since: add a release after " + release.version() + " to RecordedWorkflow with "
            + "the change ids " + markers + ", keep " + release.version() + "'s files as released histories, and "
            + "record again. Nothing was written.");
      }
    });
    Path file = folder.resolve(workflow.fileName(release, scenario));
    if (Files.exists(file)) {
      try {
        WorkflowReplayer.replayWorkflowExecution(HistoryFolder.read(file), workflow.implementation());
      } catch (Exception | Error e) {
        // Re-recording would hide the non-determinism from the replay test; released runs would still break.
        throw new AssertionError(file.getFileName() + " no longer replays on the current code, so the change to "
            + type + "'s command sequence is not behind Workflow.getVersion. Version the change rather than "
            + "re-recording over a released history. Nothing was written.", e);
      }
    }
    WorkflowReplayer.replayWorkflowExecution(history, workflow.implementation());
    Files.writeString(file, history.toJson(true), StandardCharsets.UTF_8);
    return file;
  }
}
