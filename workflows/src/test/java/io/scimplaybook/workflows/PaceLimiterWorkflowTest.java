package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.pacing.PaceGrant;
import io.scimplaybook.api.pacing.PaceKey;
import io.scimplaybook.api.pacing.PaceLimiterWorkflow;
import io.scimplaybook.api.pacing.PaceLimits;
import io.scimplaybook.api.pacing.PaceRequest;
import io.scimplaybook.api.pacing.PacerInput;
import io.scimplaybook.api.pacing.PacerState;
import io.scimplaybook.api.pacing.PauseRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limiter's slots on the time-skipping server: spacing, burst, a 429's pause, continue-as-new, idle completion. */
class PaceLimiterWorkflowTest {
  private static final PaceKey KEY = new PaceKey(PaceKey.CATO, "12345", "auditFeed");
  /** Cato's auditFeed: 5 a minute, no burst, no margin: one slot every 12 s. */
  private static final PaceRequest AUDIT = PaceLimits.request(5, Duration.ofMinutes(1), 1, Duration.ZERO);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(PaceLimiterWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Throwable.class).build(),
        PaceLimiterWorkflowImpl.class);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private PaceLimiterWorkflow limiter(PacerInput input) {
    PaceLimiterWorkflow stub = client.newWorkflowStub(PaceLimiterWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(KEY.workflowId()).setTaskQueue(PaceLimiterWorkflow.TASK_QUEUE)
            .build());
    WorkflowClient.start(stub::run, input);
    return client.newWorkflowStub(PaceLimiterWorkflow.class, KEY.workflowId());
  }

  private List<Long> offsets(PaceLimiterWorkflow limiter, PaceRequest request, int n, long from) {
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      offsets.add(limiter.reserve(request).slotMillis() - from);
    }
    return offsets;
  }

  @Test
  void slotsAreSpacedAtTheDocumentedRate() {
    PaceLimiterWorkflow limiter = limiter(PacerInput.fresh());
    long first = limiter.reserve(AUDIT).slotMillis();

    assertThat(AUDIT.intervalMillis()).isEqualTo(12_000);
    assertThat(offsets(limiter, AUDIT, 5, first)).containsExactly(12_000L, 24_000L, 36_000L, 48_000L, 60_000L);
  }

  @Test
  void aBurstGoesAtOnceAfterAQuietSpellAndThenTheRateHolds() {
    PaceLimiterWorkflow limiter = limiter(PacerInput.fresh());
    PaceRequest burst3 = new PaceRequest(10_000, 3);
    long first = limiter.reserve(burst3).slotMillis();

    // The server's clock runs between two updates, so "at once" is "when asked", well inside one interval.
    List<Long> offsets = offsets(limiter, burst3, 4, first);
    assertThat(offsets.subList(0, 2)).allSatisfy(offset -> assertThat(offset).isBetween(0L, 2_000L));
    assertThat(offsets.subList(2, 4)).containsExactly(10_000L, 20_000L);

    // Quiet long enough for the burst to refill: three go when asked again, the fourth waits one interval.
    env.sleep(Duration.ofMinutes(1));
    long later = limiter.reserve(burst3).slotMillis();
    assertThat(later - first).isGreaterThanOrEqualTo(60_000L);
    List<Long> again = offsets(limiter, burst3, 3, later);
    assertThat(again.subList(0, 2)).allSatisfy(offset -> assertThat(offset).isBetween(0L, 2_000L));
    assertThat(again.get(2)).isEqualTo(10_000L);
  }

  @Test
  void aPauseFromRetryAfterHoldsEverySlotUntilItEnds() {
    PaceLimiterWorkflow limiter = limiter(PacerInput.fresh());
    limiter.reserve(AUDIT);

    limiter.pause(new PauseRequest(90_000, "HTTP 429, Retry-After 90 s"));
    // A shorter pause reported later (another caller's older 429) does not cut the longer one short.
    limiter.pause(new PauseRequest(30_000, "HTTP 429, Retry-After 30 s"));
    // Signals are applied when the limiter's next task runs; an update sent at once can overtake the second one.
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (limiter.state().pauses() < 2) {
      assertThat(System.nanoTime()).as("both pauses applied").isLessThan(deadline);
      Thread.onSpinWait();
    }

    // Pauses are relative to the limiter's clock when it hears of them; the grant says how long is left.
    PaceGrant grant = limiter.reserve(AUDIT);
    assertThat(grant.waitMillis()).isBetween(85_000L, 90_000L);
    assertThat(grant.pauses()).isEqualTo(2);
    assertThat(limiter.reserve(AUDIT).slotMillis() - grant.slotMillis()).isEqualTo(12_000);
    PacerState state = limiter.state();
    assertThat(state.pausedUntilMillis()).isEqualTo(grant.slotMillis());
    assertThat(state.lastPauseReason()).isEqualTo("HTTP 429, Retry-After 30 s");
  }

  /** Callers wait from when they receive the grant: the limiter's clock is its workflow's, not theirs. */
  @Test
  void aGrantSaysHowLongToWaitFromNow() {
    PaceLimiterWorkflow limiter = limiter(PacerInput.fresh());

    PaceGrant first = limiter.reserve(AUDIT);
    PaceGrant second = limiter.reserve(AUDIT);

    assertThat(first.waitMillis()).isZero();
    // The second slot is 12 s after the first; a little of it has passed on the server's clock between the two.
    assertThat(second.waitMillis()).isBetween(10_000L, 12_000L);
    assertThat(second.slotMillis() - first.slotMillis()).isEqualTo(12_000);
  }

  @Test
  void continueAsNewKeepsTheSpacingAndThePause() {
    PaceLimiterWorkflow limiter = limiter(new PacerInput(PacerState.EMPTY, 3, Duration.ofMinutes(15)));
    String firstRun = WorkflowStub.fromTyped(limiter).getExecution().getRunId();
    limiter.pause(new PauseRequest(5_000, "HTTP 429"));

    PaceGrant first = limiter.reserve(AUDIT);
    assertThat(first.waitMillis()).isBetween(4_000L, 5_000L);
    List<Long> offsets = new ArrayList<>(offsets(limiter, AUDIT, 2, first.slotMillis()));
    awaitNewRun(firstRun);
    offsets.addAll(offsets(limiter, AUDIT, 2, first.slotMillis()));

    assertThat(offsets).containsExactly(12_000L, 24_000L, 36_000L, 48_000L);
    PacerState state = limiter.state();
    assertThat(state.granted()).isEqualTo(5);
    assertThat(state.pauses()).isEqualTo(1);
  }

  @Test
  void anIdleLimiterCompletesOnlyOnceItsStateLiesInThePast() {
    PaceLimiterWorkflow limiter = limiter(new PacerInput(PacerState.EMPTY, 100, Duration.ofMinutes(1)));
    long now = env.currentTimeMillis();
    limiter.pause(new PauseRequest(Duration.ofMinutes(5).toMillis(), "HTTP 429"));

    env.sleep(Duration.ofMinutes(3));
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    env.sleep(Duration.ofMinutes(5));
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
  }

  private WorkflowExecutionStatus status() {
    return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId(KEY.workflowId()))
            .build())
        .getWorkflowExecutionInfo().getStatus();
  }

  private void awaitNewRun(String firstRun) {
    for (int i = 0; i < 200; i++) {
      String current = client.newUntypedWorkflowStub(KEY.workflowId()).describe().getExecution().getRunId();
      if (!current.equals(firstRun)) {
        return;
      }
      env.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("the limiter did not continue as new");
  }
}
