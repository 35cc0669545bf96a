package io.scimplaybook.activities.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.Json;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.StepResult;
import io.scimplaybook.api.status.TimelineEntry;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationActivitiesImplTest {
  private static final Instant STARTED = Instant.parse("2026-11-29T06:00:00Z");
  private static final Instant ENDED = Instant.parse("2026-11-29T08:15:30.250Z");

  @TempDir Path dir;

  @Test
  void writesJsonAndMarkdownAndReturnsTheMarkdownPath() throws Exception {
    PlaybookReport report = report("scim-playbook-12345-src-1");

    String location = new EscalationActivitiesImpl(dir).deliverBundle(report);

    Path markdown = dir.resolve("scim-playbook-12345-src-1-20261129T081530Z.md").toAbsolutePath();
    Path json = dir.resolve("scim-playbook-12345-src-1-20261129T081530Z.json");
    assertThat(location).isEqualTo(markdown.toString());
    assertThat(Path.of(location)).isAbsolute();
    assertThat(Json.mapper().readValue(json.toFile(), PlaybookReport.class)).isEqualTo(report);
    assertThat(Files.readString(json)).contains("\n  \"workflowId\"");
    assertThat(Files.readString(markdown))
        .startsWith("# SCIM provisioning playbook: ESCALATED")
        .contains("Token rotation did not stop the failures");
    // Nothing half-written is left behind.
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(markdown.getFileName().toString(), json.getFileName().toString());
    }
  }

  @Test
  void aSecondDeliveryReplacesTheFirst() throws Exception {
    EscalationActivitiesImpl escalation = new EscalationActivitiesImpl(dir);
    escalation.deliverBundle(report("scim-playbook-12345-src-1"));
    PlaybookReport resolved = new PlaybookReport("scim-playbook-12345-src-1", "12345", "src-1", Idp.ENTRA_ID,
        Outcome.RESOLVED, RootCause.TRANSIENT, "Quiet hour", 1, FailureTally.none(), List.of(), List.of(), STARTED,
        ENDED, null);

    String location = escalation.deliverBundle(resolved);

    assertThat(Files.readString(Path.of(location))).startsWith("# SCIM provisioning playbook: RESOLVED");
  }

  @Test
  void aMissingDirectoryIsCreated() throws Exception {
    Path nested = dir.resolve("bundles/today");

    String location = new EscalationActivitiesImpl(nested).deliverBundle(report("scim-playbook-1-2"));

    assertThat(Path.of(location)).exists().hasParent(nested.toAbsolutePath());
  }

  @Test
  void aWorkflowIdStaysOneFileName() {
    assertThat(EscalationActivitiesImpl.baseName(report("a/b\\c")))
        .isEqualTo("a_b_c-20261129T081530Z");
  }

  @Test
  void aFailedWriteIsARetryableFailureNamingTheDirectory() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file");

    ApplicationFailure failure = catchThrowableOfType(
        () -> new EscalationActivitiesImpl(notADirectory).deliverBundle(report("scim-playbook-1-2")),
        ApplicationFailure.class);

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(FailureTypes.UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("could not write the support bundle").contains("occupied");
  }

  private static PlaybookReport report(String workflowId) {
    FailureTally tally = new FailureTally(3, STARTED, Instant.parse("2026-11-29T07:30:00Z"), "Invalid credentials",
        "story-42");
    StepRecord verify = new StepRecord(1, Step.VERIFY, StepResult.PASSED, STARTED,
        STARTED.plusSeconds(5), "Failure confirmed", List.of("story story-42 Open", "3 failed events"));
    return new PlaybookReport(workflowId, "12345", "src-1", Idp.ENTRA_ID, Outcome.ESCALATED,
        RootCause.TOKEN_MISMATCH, "Token rotation did not stop the failures", 2, tally, List.of(verify),
        List.of(new TimelineEntry(STARTED, "Run started")), STARTED, ENDED, null);
  }
}
