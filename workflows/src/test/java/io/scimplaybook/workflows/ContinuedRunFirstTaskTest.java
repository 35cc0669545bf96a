package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowOptions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A run that continued as new receives, in its first workflow task, every signal that reached it between its start and
 * that task: under a flood there are often some. The SDK hands those to the signal handlers before the workflow method
 * runs, so before the run has taken over its predecessor's state. Each of those events must be counted on top of the
 * carried counts, not overwritten by them (issue 12: 8 of 12,001 events were lost this way at a continue-as-new).
 *
 * <p>Made deterministic here: the successor's own input, read from its history, is started again by signal-with-start,
 * which puts the signal in history before the first workflow task, exactly where the flood put it.
 */
class ContinuedRunFirstTaskTest {
  static final String TOKEN = "first-task-token-7e2a";
  static final Instant BASE = Instant.parse("2026-11-29T06:00:00Z");

  private final PlaybookTestEnvironment t = new PlaybookTestEnvironment();

  @AfterEach
  void tearDown() {
    t.close();
  }

  private static ScimFailureEvent event(int i) {
    return new ScimFailureEvent(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE, BASE.plusSeconds(i),
        "invalid credentials #" + i, "story-1", ScimFailureEvent.ORIGIN_WEBHOOK, "ev-" + i);
  }

  // Passes alone (3 s), but hung twice in a whole-module run: the run sat in its monitoring window with time skipping
  // never advancing, after the terminate-and-restart below. Until that is understood it stays out of the build, so a
  // hang cannot stall CI; ContinueAsNewFloodTest still proves the fix (10 of 10 exact with it, 3 of 10 short without).
  @Disabled("hangs in a whole-module run (time skipping stops after the terminate-and-restart); see the comment")
  @Test
  void signalsInAContinuedRunsFirstTaskAreCountedOnTopOfTheCarriedCounts() {
    t.fake.validToken = TOKEN;
    t.fake.provisionResults.add(FakeActivities.succeeded());
    t.signalWithStart(event(0), PlaybookOptions.defaults().withHistoryLimit(100));
    OperatorTask task = t.awaitStatus(s -> s.pendingTask() != null
        && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION, "the approval task").pendingTask();
    // One event a signal until the run passes its limit and continues as new at the approval.
    int sent = 0;
    String first = currentRunId();
    while (currentRunId().equals(first)) {
      sent++;
      t.running().failureReported(event(sent));
      int expected = sent + 1;
      t.awaitStatus(s -> s.failures().count() >= expected, "event " + sent + " counted");
    }
    int carried = sent + 1;
    t.awaitStatus(s -> task.equals(s.pendingTask()) && s.failures().count() == carried, "the continued run waiting");

    // The successor as the server started it, now with a signal in history before its first workflow task.
    restartSuccessorWith(event(1_000));

    var resumed = t.awaitStatus(s -> task.equals(s.pendingTask()), "the successor back at the approval");
    assertThat(resumed.failures().count()).as("carried counts plus the event of the first task")
        .isEqualTo(carried + 1);
    // Counted once: an id the first task counted is remembered, and the carried ids still are.
    t.running().failureReported(event(1_000));
    t.running().failureReported(event(1));
    t.running().failureReported(event(sent + 1_001));
    t.awaitStatus(s -> s.failures().count() >= carried + 2, "a new event counted");
    assertThat(t.running().status().failures().count()).isEqualTo(carried + 2);

    t.running().approveRotation(new RotationApproval(task.id(), "alice", t.fake.seal.seal(TOKEN), "done"));
    PlaybookReport report = t.result();
    assertThat(report.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.failures().count()).isEqualTo(carried + 2);
    assertThat(report.failures().lastSeen()).isEqualTo(event(sent + 1_001).time());
    assertThat(report.support().catoEventIds()).as("the first events of the playbook, in order")
        .startsWith("ev-0", "ev-1");
  }

  /** Terminates the current run and starts its own input again, with {@code event} before its first workflow task. */
  private void restartSuccessorWith(ScimFailureEvent event) {
    Payloads input = t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID, currentRunId()).getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getInput();
    PlaybookInput handover = t.client.getOptions().getDataConverter()
        .fromPayloads(0, Optional.of(input), PlaybookInput.class, PlaybookInput.class);
    assertThat(handover.carried()).as("the successor's input carries the state").isNotNull();
    t.client.newUntypedWorkflowStub(PlaybookTestEnvironment.WORKFLOW_ID).terminate("replaced by the same input");
    ScimPlaybookWorkflow stub = t.client.newWorkflowStub(ScimPlaybookWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(PlaybookTestEnvironment.WORKFLOW_ID).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = t.client.newSignalWithStartRequest();
    request.add(stub::run, handover);
    request.add(stub::failureReported, event);
    t.client.signalWithStart(request);
  }

  private String currentRunId() {
    return t.client.newUntypedWorkflowStub(PlaybookTestEnvironment.WORKFLOW_ID).describe().getExecution().getRunId();
  }
}
