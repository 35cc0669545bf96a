package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playbook's metrics as the worker's scope receives them, on a worker without a workflow cache: every workflow
 * task replays the run from its first event, so a metric recorded during replay would be counted again and again.
 */
class PlaybookMetricsTest {
  private final CapturedMetrics metrics = new CapturedMetrics();
  private Scope scope;
  private PlaybookTestEnvironment t;

  @BeforeEach
  void setUp() {
    scope = new RootScopeBuilder().reporter(metrics).reportEvery(com.uber.m3.util.Duration.ofMillis(10));
    t = new PlaybookTestEnvironment(UnaryOperator.identity(), TestEnvironmentOptions.newBuilder()
        .setMetricsScope(scope)
        .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
        .build());
  }

  @AfterEach
  void tearDown() throws Exception {
    t.close();
    scope.close();
  }

  @Test
  void aRejectedRotationCountsOneRunOneTaskAndOneDiagnosisDespiteEveryTaskReplayingTheRun() {
    t.start();
    String taskId = t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
        "the approval task").pendingTask().id();
    t.running().rejectRotation(new RotationRejection(taskId, "bob", "change freeze"));
    PlaybookReport r = t.result();
    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);

    awaitCount(PlaybookMetrics.RUNS_ENDED, Map.of());
    assertThat(metrics.count(PlaybookMetrics.RUNS_STARTED, Map.of("workflow_type", "ScimPlaybookWorkflow")))
        .isEqualTo(1);
    assertThat(metrics.count(PlaybookMetrics.RUNS_ENDED,
        Map.of("outcome", "ESCALATED", "root_cause", "UNKNOWN", "idp", "ENTRA_ID"))).isEqualTo(1);
    assertThat(metrics.count(PlaybookMetrics.RUNS_ENDED, Map.of())).isEqualTo(1);
    assertThat(metrics.count(PlaybookMetrics.TASKS_OPENED, Map.of("task_kind", "APPROVE_ROTATION", "idp", "ENTRA_ID")))
        .isEqualTo(1);
    assertThat(metrics.count(PlaybookMetrics.TASKS_CLOSED, Map.of("task_kind", "APPROVE_ROTATION",
        "answer", "answered"))).isEqualTo(1);
    assertThat(metrics.durations(PlaybookMetrics.OPERATOR_WAIT, Map.of("answer", "answered"))).hasSize(1);
    assertThat(metrics.durations(PlaybookMetrics.TIME_TO_DIAGNOSIS, Map.of("root_cause", "UNKNOWN", "idp", "ENTRA_ID")))
        .hasSize(1);
  }

  @Test
  void anUnansweredTaskClosesAsTimedOutAfterItsWaitInWorkflowTime() {
    t.start();
    PlaybookReport r = t.result();
    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);

    awaitCount(PlaybookMetrics.RUNS_ENDED, Map.of());
    assertThat(metrics.count(PlaybookMetrics.TASKS_CLOSED, Map.of("answer", "timed_out"))).isEqualTo(1);
    assertThat(metrics.count(PlaybookMetrics.TASKS_CLOSED, Map.of("answer", "answered"))).isZero();
    // The default approval timeout, measured on the skipped clock rather than the few wall-clock milliseconds.
    List<Long> waited = metrics.durations(PlaybookMetrics.OPERATOR_WAIT, Map.of("task_kind", "APPROVE_ROTATION"));
    assertThat(waited).singleElement().satisfies(ms -> assertThat(Duration.ofMillis(ms))
        .isBetween(Duration.ofHours(24), Duration.ofHours(24).plusMinutes(1)));
  }

  @Test
  void aFailureCatoDoesNotConfirmEndsNotReproducedWithoutACauseOrADiagnosis() {
    t.fake.stories = List.of();
    t.fake.events = List.of();
    t.start();
    t.result();

    awaitCount(PlaybookMetrics.RUNS_ENDED, Map.of());
    assertThat(metrics.count(PlaybookMetrics.RUNS_ENDED,
        Map.of("outcome", "NOT_REPRODUCED", "root_cause", PlaybookMetrics.NONE, "idp", "ENTRA_ID"))).isEqualTo(1);
    assertThat(metrics.durations(PlaybookMetrics.TIME_TO_DIAGNOSIS, Map.of())).isEmpty();
    assertThat(metrics.count(PlaybookMetrics.TASKS_OPENED, Map.of())).isZero();
  }

  @Test
  void aTaskReopenedBecauseTheEvidenceContradictsItsAnswerIsCountedAsANewTaskOnEveryReplay() {
    // Okta without the connections API: the token is pasted by hand; the first push after the "done" is refused.
    t.fake.idp = Idp.OKTA;
    t.fake.automated = List.of(IdpCapability.PROVISION_NOW, IdpCapability.READ_CONFIG_CHANGES,
        IdpCapability.READ_PROVISIONING_FAILURES, IdpCapability.READ_SCHEDULED_CYCLE);
    t.fake.provisionResults.clear();
    t.fake.provisionResults.addAll(List.of(FakeActivities.failed(), FakeActivities.failed(), FakeActivities.succeeded()));
    t.start();
    String approval = t.awaitStatus(s -> s.pendingTask() != null
        && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION, "the approval task").pendingTask().id();
    t.running().approveRotation(new RotationApproval(approval, "alice", t.fake.seal.seal("tok"), null));
    String first = awaitInstall(null);
    t.running().decideTask(new TaskDecision(first, Decision.SUCCEEDED, "dave", null));
    String again = awaitInstall(first);
    t.running().decideTask(new TaskDecision(again, Decision.SUCCEEDED, "dave", null));
    PlaybookReport r = t.result();
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);

    awaitCount(PlaybookMetrics.RUNS_ENDED, Map.of());
    assertThat(metrics.count(PlaybookMetrics.TASKS_OPENED, Map.of("task_kind", "INSTALL_TOKEN_MANUALLY", "idp", "OKTA")))
        .isEqualTo(2);
    assertThat(metrics.count(PlaybookMetrics.TASKS_CLOSED, Map.of("task_kind", "INSTALL_TOKEN_MANUALLY",
        "answer", "answered"))).isEqualTo(2);
  }

  private String awaitInstall(String notThisOne) {
    return t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.INSTALL_TOKEN_MANUALLY
        && !s.pendingTask().id().equals(notThisOne), "an install task").pendingTask().id();
  }

  /** Counters reach the reporter on the scope's next report, a few milliseconds after the run ended. */
  private void awaitCount(String name, Map<String, String> tags) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (metrics.count(name, tags) == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    // One report more, so that anything a replay wrongly counted after the end has arrived too.
    long settle = System.nanoTime() + 100_000_000L;
    while (System.nanoTime() < settle) {
      Thread.onSpinWait();
    }
  }
}
