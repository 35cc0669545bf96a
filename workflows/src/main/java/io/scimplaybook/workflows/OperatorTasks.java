package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.RunRecord.now;

import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asking a person: one task open at a time, shown in the UI with its commands, a reminder at every interval, and a
 * deadline after which the playbook goes on without an answer. Answers that do not name the open task are refused
 * and noted, so a late or misdirected answer never moves the run.
 */
final class OperatorTasks {
  private final RunRecord run;
  private final PlaybookMetrics metrics;
  private final Notifications notifications;
  private final Resumption resumption;
  private int taskSequence;
  private int reminders;
  /** The task a previous run of this playbook left open; the same wait reopens it rather than a new one. */
  private OperatorTask carriedTask;
  private TaskDecision decision;
  private RotationApproval approval;
  private RotationRejection rejection;

  OperatorTasks(RunRecord run, PlaybookMetrics metrics, Resumption resumption) {
    this.run = run;
    this.metrics = metrics;
    this.notifications = new Notifications(run);
    this.resumption = resumption;
  }

  void restore(OperatorTask open, int sequence, int remindersNoted) {
    carriedTask = open;
    taskSequence = sequence;
    reminders = remindersNoted;
  }

  int taskSequence() {
    return taskSequence;
  }

  int reminders() {
    return reminders;
  }

  /** Waits for one of the decisions {@code kind} accepts; null when the deadline passed first. */
  Decision ask(TaskKind kind, String title, String instructions) {
    decision = null;
    OperatorTask task = open(kind, title, instructions);
    String taskId = task.id();
    // A decision the kind does not take (decideTask checks only the id) keeps the task open for a fitting one.
    boolean answered = await(kind, () -> decision != null && kind.accepts(decision.decision()));
    metrics.taskClosed(kind, task.openedAt(), answered);
    run.pendingTask = null;
    run.publish();
    if (!answered) {
      run.note("No answer to task " + taskId + " within " + run.options.approvalTimeout());
      return null;
    }
    return decision.decision();
  }

  /** Who answered the last task and why, for the step's evidence. */
  List<String> answerNote() {
    if (decision == null) {
      return List.of();
    }
    return List.of("Answered by " + decision.operator() + (decision.note() == null ? "" : ": " + decision.note()));
  }

  /** Asks for a token rotation; false when neither an approval nor a rejection came before the deadline. */
  boolean askForRotation(String title, String instructions) {
    approval = null;
    rejection = null;
    OperatorTask task = open(TaskKind.APPROVE_ROTATION, title, instructions);
    boolean answered = await(TaskKind.APPROVE_ROTATION, () -> approval != null || rejection != null);
    metrics.taskClosed(TaskKind.APPROVE_ROTATION, task.openedAt(), answered);
    run.pendingTask = null;
    // Not a command: the UI must stop asking for the approval while the new token is being checked.
    run.publish();
    return answered;
  }

  RotationApproval approval() {
    return approval;
  }

  RotationRejection rejection() {
    return rejection;
  }

  void approve(RotationApproval a) {
    if (!rotationPending()) {
      run.note("Ignored an approval from " + a.approver() + ": no token rotation is waiting for one");
      return;
    }
    if (!answersPendingRotation(a.taskId())) {
      run.note("Ignored an approval from " + a.approver() + " for task " + a.taskId() + ": the pending task is "
          + run.pendingTask.id());
      return;
    }
    if (a.token() == null) {
      run.note("Ignored an approval from " + a.approver() + ": it carried no sealed token");
      return;
    }
    approval = a;
    run.note("Token rotation approved by " + a.approver());
  }

  void reject(RotationRejection r) {
    if (!rotationPending()) {
      run.note("Ignored a rejection from " + r.operator() + ": no token rotation is waiting for an answer");
      return;
    }
    if (!answersPendingRotation(r.taskId())) {
      run.note("Ignored a rejection from " + r.operator() + " for task " + r.taskId() + ": the pending task is "
          + run.pendingTask.id());
      return;
    }
    rejection = r;
    run.note("Token rotation rejected by " + r.operator() + ": " + r.reason());
  }

  void decide(TaskDecision d) {
    if (run.pendingTask == null || !run.pendingTask.id().equals(d.taskId())) {
      run.note("Ignored " + d.decision() + " from " + d.operator() + ": task " + d.taskId() + " is not the pending task");
      return;
    }
    decision = d;
    run.note(d.operator() + " answered " + d.decision() + " to task " + d.taskId());
  }

  private boolean rotationPending() {
    return run.pendingTask != null && run.pendingTask.kind() == TaskKind.APPROVE_ROTATION;
  }

  /**
   * A null id comes from clients older than the field, and from histories recorded before it: those answered whatever
   * rotation was pending, so they still do, or such histories would replay to a different end. The CLI always names
   * the task, so an answer meant for an earlier attempt is refused here.
   */
  private boolean answersPendingRotation(String taskId) {
    return taskId == null || taskId.equals(run.pendingTask.id());
  }

  private OperatorTask open(TaskKind kind, String title, String instructions) {
    if (carriedTask != null && carriedTask.kind() == kind) {
      // Back in the wait a continue-as-new left: same id and deadline, so the operator's command still fits.
      run.pendingTask = carriedTask;
      carriedTask = null;
      resumption.resumed();
      run.publish();
      return run.pendingTask;
    }
    reminders = 0;
    taskSequence++;
    String id = "t" + taskSequence;
    Instant opened = now();
    String workflowId = Workflow.getInfo().getWorkflowId();
    OperatorTask task = new OperatorTask(id, kind, title, instructions, Instructions.commands(kind, workflowId, id),
        opened, opened.plus(run.options.approvalTimeout()));
    run.note("Waiting for an operator: " + title + " (task " + id + ")");
    run.pendingTask = task;
    run.publish();
    metrics.taskOpened(kind);
    notifications.taskOpened(task);
    return task;
  }

  /**
   * Waits for an answer until the task's deadline, noting a reminder in the timeline at every interval. A wait that can
   * resume elsewhere continues as new when the history grows too long, and comes back here in the new run.
   */
  private boolean await(TaskKind kind, Supplier<Boolean> answered) {
    // The deadline the task was opened with: the same instant as approval timeout from now for a fresh task.
    Instant deadline = run.pendingTask.dueAt();
    boolean resumable = resumption.canResume(kind);
    while (true) {
      Duration left = Duration.between(now(), deadline);
      if (left.isNegative() || left.isZero()) {
        return false;
      }
      Duration wait = left.compareTo(run.options.reminderInterval()) < 0 ? left : run.options.reminderInterval();
      if (Workflow.await(wait, () -> answered.get() || (resumable && resumption.due()))) {
        if (answered.get()) {
          return true;
        }
        resumption.continueAsNew(kind);
      }
      if (!now().isBefore(deadline)) {
        return false;
      }
      reminders++;
      run.note("Reminder " + reminders + ": still waiting for " + run.pendingTask.title() + " (task "
          + run.pendingTask.id() + ")");
      run.publish();
    }
  }
}
