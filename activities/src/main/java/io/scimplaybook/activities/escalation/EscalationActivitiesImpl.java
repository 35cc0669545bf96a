package io.scimplaybook.activities.escalation;

import io.scimplaybook.activities.http.Json;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.ReportMarkdown;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the support bundle as two files in a directory (the channel a support engineer or a file shipper picks
 * up): {@code <workflowId>-<endedAt>.json} for tools and {@code .md} for people.
 */
public class EscalationActivitiesImpl implements EscalationActivities {
  private static final Logger log = LoggerFactory.getLogger(EscalationActivitiesImpl.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;

  public EscalationActivitiesImpl(Path directory) {
    this.directory = directory;
  }

  @Override
  public String deliverBundle(PlaybookReport report) {
    String base = baseName(report);
    Path json = directory.resolve(base + ".json").toAbsolutePath();
    Path markdown = directory.resolve(base + ".md").toAbsolutePath();
    try {
      Files.createDirectories(directory);
      byte[] jsonBytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
      // JSON first: a reader that finds the Markdown can rely on the JSON being there too.
      writeAtomically(json, jsonBytes);
      writeAtomically(markdown, ReportMarkdown.render(report).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // Retryable: a full disk or a missing mount can be fixed while the workflow waits.
      throw ApplicationFailure.newFailureWithCause(
          "could not write the support bundle " + base + " to " + directory.toAbsolutePath() + ": " + e,
          FailureTypes.UNAVAILABLE, null);
    }
    log.info("Support bundle for {} written to {}", report.workflowId(), markdown);
    return markdown.toString();
  }

  /** The workflow id is ours, but the name must stay a single file name whatever it holds. */
  static String baseName(PlaybookReport report) {
    String id = report.workflowId() == null ? "scim-playbook" : report.workflowId();
    Instant ended = report.endedAt() == null ? Instant.now() : report.endedAt();
    return id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + STAMP.format(ended);
  }

  /** Readers never see a half-written file: write beside the target, then move over it. */
  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
