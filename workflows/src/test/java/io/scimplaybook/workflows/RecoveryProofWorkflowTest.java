package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.CycleCause;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.StepResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RESOLVED needs proof (recovery-proof-v1, job-restart-v1), cycles keep their causes, and the story hears what the run
 * did (story-comments-v1). Time-skipping: every window and bound below passes in milliseconds.
 */
class RecoveryProofWorkflowTest {
  static final String TOKEN = "rotated-token-7f3e9a";
  private PlaybookTestEnvironment t;
  private FakeActivities fake;

  @BeforeEach
  void setUp() {
    t = new PlaybookTestEnvironment();
    fake = t.fake;
    fake.validToken = TOKEN;
    fake.provisionResults.add(FakeActivities.succeeded());
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  private void approveRotation() {
    String taskId = t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
        "an approval task").pendingTask().id();
    t.running().approveRotation(new RotationApproval(taskId, "alice", fake.seal.seal(TOKEN), null));
  }

  private static List<StepRecord> records(PlaybookReport r, Step step) {
    return r.steps().stream().filter(s -> s.step() == step).toList();
  }

  private static StepRecord last(PlaybookReport r, Step step) {
    List<StepRecord> found = records(r, step);
    return found.get(found.size() - 1);
  }

  @Test
  void aQuarantinedJobIsRestartedAfterTheTokenFixAndOnlyThenResolves() {
    fake.quarantined = true;
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(fake.restarts).hasValue(1);
    StepRecord check = last(r, Step.RECOVERY_CHECK);
    assertThat(check.summary()).contains("restarted");
    assertThat(check.evidence())
        .anyMatch(e -> e.startsWith("Job before the fix: job Quarantine"))
        .anyMatch(e -> e.contains("EncounteredQuarantineException (series count 3)"))
        .anyMatch(e -> e.startsWith("Restarted the job (resetScope: Watermark, Escrows, QuarantineState)"))
        .contains("Story story-1 is Monitoring");
    assertThat(last(r, Step.MONITORING).evidence()).anyMatch(e -> e.startsWith("A scheduled cycle after the fix succeeded"));
    assertThat(r.support().jobState()).contains("restarted by the run");
  }

  @Test
  void aQuarantineTheRunCannotRestartIsNotResolved() {
    fake.quarantined = true;
    fake.restartError = () -> ApplicationFailure.newNonRetryableFailure("Graph: 403", FailureTypes.PERMISSION);
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(last(r, Step.RECOVERY_CHECK).result()).isEqualTo(StepResult.ERROR);
    assertThat(r.conclusion()).contains("not proven", "the job is quarantined");
    assertThat(fake.bundles).hasSize(1);
  }

  @Test
  void aFixAfterWhichTheScheduledCycleStillFailsIsNotResolved() {
    fake.scheduledCycleFails = true;
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(r.conclusion()).contains("scheduled sync still fails", "ServiceUnavailable");
    assertThat(last(r, Step.MONITORING).result()).isEqualTo(StepResult.FAILED);
  }

  @Test
  void withoutAScheduledCycleTheRunWatchesUpToTheBoundThenEscalates() {
    fake.noScheduledCycle = true;
    t.signalWithStart(PlaybookTestEnvironment.failure("invalid credentials"),
        PlaybookOptions.defaults().withRecoveryProofTimeout(Duration.ofHours(3)));
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.conclusion()).contains("Within PT3H", "No scheduled cycle has run since the fix");
    StepRecord monitoring = last(r, Step.MONITORING);
    assertThat(Duration.between(monitoring.startedAt(), monitoring.endedAt()))
        .isBetween(Duration.ofHours(3).minusMinutes(1), Duration.ofHours(3).plusMinutes(1));
    assertThat(fake.jobReads.get()).as("read again every 15 minutes after the hour").isGreaterThanOrEqualTo(9);
  }

  @Test
  void aReopenedStoryIsNotResolvedEvenWhenTheJobLooksHealthy() {
    fake.storyStatuses.clear();
    fake.storyStatuses.addAll(List.of("Open", "Reopened"));
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(last(r, Step.RECOVERY_CHECK).evidence()).contains("Story story-1 is Open");
    assertThat(r.conclusion()).contains("Story story-1 is Reopened although the sync works");
  }

  @Test
  void aStoryThatMovesToMonitoringLaterStillResolves() {
    fake.storyStatuses.clear();
    fake.storyStatuses.addAll(List.of("Open", "Open", "Monitoring"));
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.timeline()).anyMatch(e -> e.text().startsWith("Recovery not proven yet (Story story-1 is Open"));
  }

  @Test
  void aSecondCycleThatFindsProvisioningWorkingKeepsTheTokenFixAsTheCause() {
    t.start();
    approveRotation();
    t.awaitStatus(s -> s.step() == Step.MONITORING, "monitoring after the rotation");
    Instant later = Instant.parse("2026-11-29T09:30:00Z");
    t.running().failureReported(new ScimFailureEvent(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE,
        later, "HTTP 503 from Cato during a sync", "story-1", ScimFailureEvent.ORIGIN_WEBHOOK));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.cycles()).isEqualTo(2);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(r.cycleCauses()).extracting(CycleCause::cause)
        .containsExactly(RootCause.TOKEN_MISMATCH, RootCause.TRANSIENT);
    assertThat(r.cycleCauses().get(1).failureAt()).isEqualTo(later);
    assertThat(r.conclusion()).contains(later.toString(), "HTTP 503", "cycle 1's", "a new token");
    assertThat(r.timeline()).anyMatch(e -> e.text().contains("root cause TOKEN_MISMATCH"));
  }

  @Test
  void theStoryHearsTheDiagnosisTheFixAndTheEndWithTheRunIdAndNoSecret() {
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(fake.comments).hasSize(3);
    assertThat(fake.comments).allMatch(c -> c.startsWith("story-1: scim-playbook run " + r.workflowId() + " (run id "))
        .noneMatch(c -> c.contains(TOKEN));
    assertThat(fake.comments.get(0)).contains("diagnosis", "invalid credentials");
    assertThat(fake.comments.get(1)).contains("fix applied (TOKEN_MISMATCH)");
    assertThat(fake.comments.get(2)).contains("ended RESOLVED, root cause TOKEN_MISMATCH");
  }

  @Test
  void storyCommentsCanBeTurnedOff() {
    t.signalWithStart(PlaybookTestEnvironment.failure("invalid credentials"),
        PlaybookOptions.defaults().withStoryComments(false));
    approveRotation();

    assertThat(t.result().outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(fake.comments).isEmpty();
  }

  @Test
  void aCommentCatoRefusesIsNotedAndNeverFatal() {
    fake.commentError = () -> ApplicationFailure.newNonRetryableFailure("Cato: permission denied",
        FailureTypes.PERMISSION);
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    // The last note follows the report; the status query shows it.
    assertThat(t.running().status().timeline())
        .filteredOn(e -> e.text().startsWith("Could not comment on story story-1")).hasSize(3);
  }

  @Test
  void theBundleNamesTheIdsTheLastFailingRequestAndEachCyclesCause() {
    fake.scheduledCycleFails = true;
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(r.support().servicePrincipalId()).isEqualTo("sp-1");
    assertThat(r.support().jobId()).isEqualTo("scim.job.1");
    assertThat(r.support().storyId()).isEqualTo("story-1");
    assertThat(r.support().scimUrl()).isEqualTo("https://scim.example/scim/v2/12345/7");
    assertThat(r.support().lastRequest()).contains("/jobs/scim.job.1/provisionOnDemand for probe@contoso.com");
    assertThat(r.support().lastAnswer()).contains("invalid credentials");
    assertThat(r.cycleCauses()).hasSize(1);
    assertThat(fake.bundles.get(0).cycleCauses()).hasSize(1);
  }
}
