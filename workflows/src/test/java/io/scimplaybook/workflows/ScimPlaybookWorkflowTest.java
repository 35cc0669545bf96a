package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.PlaybookTestEnvironment.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
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

class ScimPlaybookWorkflowTest {
  private PlaybookTestEnvironment t;
  private FakeActivities fake;

  @BeforeEach
  void setUp() {
    t = new PlaybookTestEnvironment();
    fake = t.fake;
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  private PlaybookStatus awaitTask(TaskKind kind) {
    return t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == kind, "a pending " + kind + " task");
  }

  private void approve(String approver, String token) {
    String taskId = awaitTask(TaskKind.APPROVE_ROTATION).pendingTask().id();
    t.running().approveRotation(
        new RotationApproval(taskId, approver, fake.seal.seal(token), "rotating after SCIM 401s"));
  }

  private static StepRecord only(PlaybookReport r, Step step) {
    List<StepRecord> found = r.steps().stream().filter(s -> s.step() == step).toList();
    assertThat(found).as("records of " + step).hasSize(1);
    return found.get(0);
  }

  private static List<Step> stepsTaken(PlaybookReport r) {
    return r.steps().stream().map(StepRecord::step).toList();
  }

  @Test
  void failureThatCatoDoesNotConfirmEndsNotReproduced() {
    fake.stories = List.of();
    fake.events = List.of();
    t.start();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.NOT_REPRODUCED);
    assertThat(r.rootCause()).isNull();
    assertThat(stepsTaken(r)).containsExactly(Step.VERIFY);
    assertThat(fake.provisionCalls).hasValue(0);
  }

  @Test
  void closedStoryAloneDoesNotConfirmButAFeedEventDoes() {
    fake.stories = List.of(new io.scimplaybook.api.findings.StorySummary(
        "story-1", "SCIM Provisioning Failed", "Closed", null, null, ""));
    fake.events = List.of();
    fake.provisionResults.set(0, FakeActivities.succeeded());
    t.signalWithStart(new ScimFailureEvent("12345", "7", Instant.parse("2026-11-29T06:00:00Z"), "invalid credentials",
        null, ScimFailureEvent.ORIGIN_EVENTS_FEED), PlaybookOptions.defaults());

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(only(r, Step.VERIFY).evidence()).anyMatch(e -> e.contains("events feed"));
  }

  @Test
  void isolatedFailureIsResolvedAsTransientAfterAQuietHour() {
    fake.provisionResults.set(0, FakeActivities.succeeded());
    t.start();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TRANSIENT);
    assertThat(stepsTaken(r))
        .containsExactly(Step.VERIFY, Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
    StepRecord monitoring = only(r, Step.MONITORING);
    assertThat(Duration.between(monitoring.startedAt(), monitoring.endedAt()))
        .isBetween(Duration.ofHours(1), Duration.ofHours(1).plusSeconds(5));
    assertThat(monitoring.evidence()).contains("Story story-1 is Monitoring");
    assertThat(r.conclusion()).contains("isolated");
    assertThat(fake.bundles).isEmpty();
  }

  @Test
  void tokenMismatchIsFixedByAnApprovedRotation() {
    fake.validToken = "new-cato-token-42";
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();

    PlaybookStatus waiting = awaitTask(TaskKind.APPROVE_ROTATION);
    assertThat(waiting.step()).isEqualTo(Step.TOKEN_ROTATION);
    assertThat(waiting.pendingTask().commands().get(0))
        .contains("approve --workflow-id " + PlaybookTestEnvironment.WORKFLOW_ID);
    approve("alice", "new-cato-token-42");
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(stepsTaken(r)).containsExactly(Step.VERIFY, Step.PROVISION_ON_DEMAND, Step.AUDIT_REVIEW,
        Step.TOKEN_ROTATION, Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
    assertThat(fake.savedTokens).containsExactly("new-cato-token-42");
    assertThat(only(r, Step.TOKEN_ROTATION).evidence())
        .contains("Approved by alice: rotating after SCIM 401s")
        .anyMatch(e -> e.startsWith("Cato SCIM endpoint: accepted"));
    assertThat(only(r, Step.AUDIT_REVIEW).evidence()).anyMatch(e -> e.contains("failed provisioning log entry"));
  }

  @Test
  void theSealedTokenNeverReachesHistoryInPlainText() {
    fake.validToken = "plain-secret-token-XYZ";
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    approve("alice", "plain-secret-token-XYZ");
    t.result();

    String history = HistoryText.of(t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID));
    assertThat(fake.savedTokens).containsExactly("plain-secret-token-XYZ");
    assertThat(history).contains("\"ciphertext\"").contains("Approved by alice").doesNotContain("plain-secret-token-XYZ");
  }

  @Test
  void aTokenCatoRejectsIsAskedForAgain() {
    fake.validToken = "good";
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    approve("alice", "stale");
    t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().title().contains("attempt 2"), "a second approval");
    approve("alice", "good");

    PlaybookReport r = t.result();

    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    List<StepRecord> rotations = r.steps().stream().filter(s -> s.step() == Step.TOKEN_ROTATION).toList();
    assertThat(rotations).extracting(StepRecord::result).containsExactly(StepResult.FAILED, StepResult.PASSED);
    assertThat(fake.savedTokens).containsExactly("good");
  }

  @Test
  void tooManyRejectedTokensEscalate() {
    fake.validToken = "good";
    t.signalWithStart(failure("invalid credentials"),
        new PlaybookOptions(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24),
            Duration.ofHours(2), 3, 2));
    approve("alice", "bad-1");
    t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().title().contains("attempt 2"), "a second approval");
    approve("alice", "bad-2");

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.conclusion()).contains("2 token(s) were tried");
    assertThat(fake.savedTokens).isEmpty();
  }

  @Test
  void rejectedRotationEscalatesWithABundle() {
    t.start();
    String taskId = awaitTask(TaskKind.APPROVE_ROTATION).pendingTask().id();
    t.running().rejectRotation(new RotationRejection(taskId, "bob", "change freeze until Monday"));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.rootCause()).isEqualTo(RootCause.UNKNOWN);
    assertThat(r.conclusion()).contains("rejected by bob: change freeze until Monday");
    assertThat(r.bundleLocation()).isEqualTo("/bundles/" + PlaybookTestEnvironment.WORKFLOW_ID + ".md");
    assertThat(fake.bundles).hasSize(1);
    assertThat(fake.bundles.get(0).steps()).extracting(StepRecord::step)
        .contains(Step.VERIFY, Step.PROVISION_ON_DEMAND, Step.AUDIT_REVIEW, Step.TOKEN_ROTATION);
  }

  @Test
  void unansweredApprovalTimesOutWithRemindersAndEscalates() {
    t.start();
    awaitTask(TaskKind.APPROVE_ROTATION);

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.conclusion()).contains("never approved");
    StepRecord rotation = only(r, Step.TOKEN_ROTATION);
    assertThat(Duration.between(rotation.startedAt(), rotation.endedAt()))
        .isBetween(Duration.ofHours(24), Duration.ofHours(24).plusSeconds(5));
    assertThat(r.timeline()).filteredOn(e -> e.text().startsWith("Reminder ")).hasSize(23);
  }

  @Test
  void anApprovalWhenNoneIsAskedForIsIgnored() {
    fake.provisionResults.set(0, FakeActivities.succeeded());
    t.start();
    t.awaitStatus(s -> s.step() == Step.MONITORING, "monitoring");
    t.running().approveRotation(new RotationApproval(null, "mallory", fake.seal.seal("x"), null));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.timeline()).anyMatch(e -> e.text().contains("Ignored an approval from mallory"));
    assertThat(fake.savedTokens).isEmpty();
  }

  @Test
  void aRevertedConfigChangeIsTheRootCause() {
    fake.catoChanges = List.of(new ConfigChange("Cato audit trail", Instant.parse("2026-11-29T05:48:00Z"),
        "admin@contoso.com", "MODIFIED", "Domain", "contoso.com", "SCIM domain mapping changed"));
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();

    PlaybookStatus review = awaitTask(TaskKind.REVIEW_SUSPECTS);
    assertThat(review.step()).isEqualTo(Step.OPERATOR_REVIEW);
    assertThat(review.pendingTask().instructions()).contains("admin@contoso.com MODIFIED Domain 'contoso.com'");
    t.running().decideTask(new TaskDecision(review.pendingTask().id(), Decision.REVERTED, "carol", "restored mapping"));
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.CONFIG_CHANGE);
    assertThat(stepsTaken(r)).containsExactly(Step.VERIFY, Step.PROVISION_ON_DEMAND, Step.AUDIT_REVIEW,
        Step.OPERATOR_REVIEW, Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
    assertThat(only(r, Step.AUDIT_REVIEW).evidence()).anyMatch(e -> e.contains("12 min before the first failure"));
    assertThat(r.conclusion()).contains("contoso.com");
  }

  @Test
  void dismissedSuspectsLeadToTokenRotation() {
    fake.idpChanges = List.of(new ConfigChange("Entra directory audit", Instant.parse("2026-11-29T05:30:00Z"),
        "admin@contoso.com", "Update service principal", "ServicePrincipal", "Cato SCIM", ""));
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    PlaybookStatus review = awaitTask(TaskKind.REVIEW_SUSPECTS);
    t.running().decideTask(new TaskDecision("t999", Decision.REVERTED, "eve", null));
    t.running().decideTask(new TaskDecision(review.pendingTask().id(), Decision.DISMISSED, "carol", null));
    approve("alice", "any");

    PlaybookReport r = t.result();

    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(only(r, Step.OPERATOR_REVIEW).result()).isEqualTo(StepResult.SKIPPED);
    assertThat(r.timeline()).anyMatch(e -> e.text().contains("task t999 is not the pending task"));
    assertThat(fake.provisionCalls).hasValue(2);
  }

  @Test
  void aFailureDuringMonitoringStartsAnotherCycle() {
    fake.provisionResults.set(0, FakeActivities.succeeded());
    ScimPlaybookWorkflow wf = t.start();
    t.awaitStatus(s -> s.step() == Step.MONITORING, "monitoring");
    t.env.sleep(Duration.ofMinutes(30));
    wf.failureReported(failure("HTTP 500 from SCIM endpoint"));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.cycles()).isEqualTo(2);
    assertThat(r.failures().count()).isEqualTo(2);
    List<StepRecord> monitoring = r.steps().stream().filter(s -> s.step() == Step.MONITORING).toList();
    assertThat(monitoring).extracting(StepRecord::result).containsExactly(StepResult.FAILED, StepResult.PASSED);
    assertThat(monitoring).extracting(StepRecord::cycle).containsExactly(1, 2);
    assertThat(Duration.between(monitoring.get(0).startedAt(), monitoring.get(0).endedAt()))
        .isLessThan(Duration.ofHours(1));
    assertThat(fake.provisionCalls).hasValue(2);
  }

  @Test
  void failuresInEveryMonitoringWindowEscalateAfterMaxCycles() {
    fake.provisionResults.set(0, FakeActivities.succeeded());
    ScimPlaybookWorkflow wf = t.signalWithStart(failure("invalid credentials"),
        PlaybookOptions.defaults().withMonitoringWindow(Duration.ofMinutes(20)));
    for (int cycle = 1; cycle <= 3; cycle++) {
      int c = cycle;
      t.awaitStatus(s -> s.step() == Step.MONITORING && s.cycle() == c, "monitoring in cycle " + c);
      wf.failureReported(failure("again " + c));
    }

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TRANSIENT);
    assertThat(r.cycles()).isEqualTo(3);
    assertThat(r.conclusion()).contains("each of 3 cycles");
    assertThat(fake.bundles).hasSize(1);
  }

  @Test
  void anAuthenticationFailureIsNotRetriedAndEscalatesWithTheReason() {
    fake.provisionError = () -> ApplicationFailure.newFailure(
        "Microsoft Graph: 401 InvalidAuthenticationToken", FailureTypes.AUTHENTICATION);
    t.start();

    PlaybookReport r = t.result();

    assertThat(fake.provisionCalls).hasValue(1);
    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.conclusion()).contains("PROVISION_ON_DEMAND").contains("InvalidAuthenticationToken");
    assertThat(only(r, Step.PROVISION_ON_DEMAND).result()).isEqualTo(StepResult.ERROR);
  }

  @Test
  void anUnavailableIdpIsRetriedWithBackoff() {
    java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger(2);
    fake.provisionResults.set(0, FakeActivities.succeeded());
    fake.provisionError = () -> failuresLeft.getAndDecrement() > 0
        ? ApplicationFailure.newFailure("Microsoft Graph: 503", FailureTypes.UNAVAILABLE) : null;
    t.start();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(failuresLeft.get()).isNegative();
    assertThat(fake.provisionCalls).hasValue(3);
  }

  @Test
  void verificationGoesOnWhenCatoCannotBeAsked() {
    fake.storiesError = () -> ApplicationFailure.newFailure("Cato GraphQL: 401", FailureTypes.AUTHENTICATION);
    fake.eventsError = () -> ApplicationFailure.newFailure("Cato GraphQL: 401", FailureTypes.AUTHENTICATION);
    fake.provisionResults.set(0, FakeActivities.succeeded());
    t.start();

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    StepRecord verify = only(r, Step.VERIFY);
    assertThat(verify.result()).isEqualTo(StepResult.ERROR);
    assertThat(verify.evidence()).anyMatch(e -> e.contains("Could not read XOps stories: Cato GraphQL: 401"));
  }

  @Test
  void anIdpWithoutAnApiTurnsStepsIntoOperatorTasks() {
    fake.idp = Idp.OKTA;
    t.start();
    PlaybookStatus provision = awaitTask(TaskKind.PROVISION_MANUALLY);
    assertThat(provision.pendingTask().instructions()).contains("Okta Admin Console");
    t.running().decideTask(new TaskDecision(provision.pendingTask().id(), Decision.FAILED, "dave", "401 from Cato"));
    approve("alice", "token-for-okta");
    PlaybookStatus install = awaitTask(TaskKind.INSTALL_TOKEN_MANUALLY);
    t.running().decideTask(new TaskDecision(install.pendingTask().id(), Decision.SUCCEEDED, "dave", null));
    PlaybookStatus again = t.awaitStatus(s -> s.pendingTask() != null
        && s.pendingTask().kind() == TaskKind.PROVISION_MANUALLY && !s.pendingTask().id().equals(
            provision.pendingTask().id()), "a second manual provisioning");
    t.running().decideTask(new TaskDecision(again.pendingTask().id(), Decision.SUCCEEDED, "dave", null));
    t.env.sleep(Duration.ofMinutes(61)); // the monitoring window; queries alone do not move the test server's clock
    PlaybookStatus confirm = awaitTask(TaskKind.CONFIRM_SCHEDULED_SYNC);
    assertThat(confirm.pendingTask().instructions()).contains("Applications > Applications > the Cato app for",
        "> Provisioning", "System Log");
    t.running().decideTask(new TaskDecision(confirm.pendingTask().id(), Decision.SUCCEEDED, "dave", "sync at 07:40 ok"));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(r.idp()).isEqualTo(Idp.OKTA);
    assertThat(fake.provisionCalls).hasValue(0);
    assertThat(fake.savedTokens).isEmpty();
    assertThat(only(r, Step.AUDIT_REVIEW).evidence()).anyMatch(e -> e.contains("Okta's changes to the Cato app is not read by this worker"));
    assertThat(only(r, Step.MONITORING).evidence()).anyMatch(e -> e.startsWith("Operator confirmed a successful"));
  }

  @Test
  void aStormOfEventsFoldsIntoOneRunAndEveryEventIsCounted() {
    t.start();
    String taskId = awaitTask(TaskKind.APPROVE_ROTATION).pendingTask().id();
    for (int i = 1; i < 50; i++) {
      t.signalWithStart(failure("burst " + i), PlaybookOptions.defaults());
    }
    t.awaitStatus(s -> s.failures().count() == 50, "all 50 events counted");
    t.running().rejectRotation(new RotationRejection(taskId, "bob", "storm test"));

    PlaybookReport r = t.result();

    assertThat(r.failures().count()).isEqualTo(50);
    assertThat(r.failures().lastReason()).isEqualTo("burst 49");
    assertThat(r.cycles()).isEqualTo(1);
    assertThat(r.timeline()).filteredOn(e -> e.text().startsWith("Failure reported")).hasSize(1);
  }

}
