package io.scimplaybook.testkit;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.StepResult;
import io.scimplaybook.api.status.TimelineEntry;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the real playbook, just enough to see what the starter and the CLI deliver: it records every
 * signal, waits on one review task ({@link #TASK_ID}) and, like the real run, ends ESCALATED on a rejection. For a source
 * whose id starts with {@link #ROTATION_SOURCE_PREFIX} the task it waits on is a token rotation instead, so that
 * approve and reject have a rotation task to name.
 */
public class FakePlaybookWorkflow implements ScimPlaybookWorkflow, ReceivedSignals {

  public static final String TASK_ID = "task-1";
  public static final String TASK_TITLE = "Review 1 suspect SCIM change";
  /** Where the fake's escalated run says its support bundle is. */
  public static final String BUNDLE_DIR = "/var/lib/scim-playbook/escalations/";
  public static final String ROTATION_SOURCE_PREFIX = "rotation.";
  public static final String ROTATION_TASK_TITLE = "Approve SCIM token rotation";
  public static final String TASK_INSTRUCTIONS = "The SCIM endpoint URL changed 12 minutes before the first failure.\n"
      + "Revert it in the CMA (Directory Services > SCIM), or dismiss it.";

  private PlaybookInput input;
  private final List<ScimFailureEvent> failures = new ArrayList<>();
  private final List<RotationApproval> approvals = new ArrayList<>();
  private final List<RotationRejection> rejections = new ArrayList<>();
  private final List<TaskDecision> decisions = new ArrayList<>();
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private FailureTally tally = FailureTally.none();
  private Step step = Step.AWAITING_EVENT;
  private boolean taskOpen = true;
  private Instant startedAt;

  @Override
  public PlaybookReport run(PlaybookInput input) {
    this.input = input;
    startedAt = now();
    moveTo(Step.OPERATOR_REVIEW);
    Workflow.await(() -> !rejections.isEmpty());
    RotationRejection rejection = rejections.get(0);
    moveTo(Step.DONE);
    String workflowId = Workflow.getInfo().getWorkflowId();
    return new PlaybookReport(workflowId, input.accountId(), input.sourceId(), Idp.ENTRA_ID, Outcome.ESCALATED,
        RootCause.UNKNOWN, "Token rotation rejected by " + rejection.operator() + ": " + rejection.reason(), 1, tally,
        List.of(new StepRecord(1, Step.TOKEN_ROTATION, StepResult.SKIPPED, startedAt, now(), "rotation rejected",
            List.of("reason: " + rejection.reason()))),
        List.copyOf(timeline), startedAt, now(), BUNDLE_DIR + workflowId + ".md");
  }

  @Override
  public void failureReported(ScimFailureEvent event) {
    failures.add(event);
    tally = tally.add(event);
    note("failure reported (" + event.origin() + "): " + event.reason());
  }

  @Override
  public void failuresReported(FailureBatch batch) {
    batch.events().forEach(this::failureReported);
  }

  @Override
  public void approveRotation(RotationApproval approval) {
    approvals.add(approval);
    note("rotation approved by " + approval.approver());
  }

  @Override
  public void rejectRotation(RotationRejection rejection) {
    rejections.add(rejection);
    note("rotation rejected by " + rejection.operator());
  }

  @Override
  public void fleetNotice(FleetNotice notice) {
    // The fake playbook never holds.
  }

  @Override
  public void decideTask(TaskDecision decision) {
    decisions.add(decision);
    if (TASK_ID.equals(decision.taskId())) {
      taskOpen = false;
      step = Step.MONITORING;
    }
    note("task " + decision.taskId() + " " + decision.decision() + " by " + decision.operator());
  }

  @Override
  public PlaybookStatus status() {
    String workflowId = Workflow.getInfo().getWorkflowId();
    boolean rotation = input != null && input.sourceId().startsWith(ROTATION_SOURCE_PREFIX);
    OperatorTask task = !taskOpen ? null : new OperatorTask(TASK_ID,
        rotation ? TaskKind.APPROVE_ROTATION : TaskKind.REVIEW_SUSPECTS, rotation ? ROTATION_TASK_TITLE : TASK_TITLE,
        TASK_INSTRUCTIONS,
        List.of("./scim-playbook decide --workflow-id " + workflowId + " --decision REVERTED --operator NAME"),
        startedAt, startedAt == null ? null : startedAt.plus(Duration.ofHours(24)));
    return new PlaybookStatus(workflowId, step, 1, Idp.ENTRA_ID, null, null, tally, task, List.of(),
        List.copyOf(timeline));
  }

  @Override
  public SignalLog received() {
    return new SignalLog(input, List.copyOf(failures), List.copyOf(approvals), List.copyOf(rejections),
        List.copyOf(decisions));
  }

  private void moveTo(Step next) {
    step = next;
    Workflow.upsertTypedSearchAttributes(PlaybookSearchAttributes.STEP.valueSet(next.name()));
  }

  private void note(String text) {
    timeline.add(new TimelineEntry(now(), text));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
