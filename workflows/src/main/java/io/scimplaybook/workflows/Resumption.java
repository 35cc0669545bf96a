package io.scimplaybook.workflows;

import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.input.MonitoringWindow;
import io.scimplaybook.api.input.PlaybookCarryOver;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.ResumePoint;
import io.scimplaybook.api.operator.TaskKind;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * Keeps a run's history bounded under any flood (change id {@value #CHANGE}): every signal is a history event, and a
 * real server terminates a run at 51,200. Where the run waits for long (the points of {@link ResumePoint}), it
 * continues as new once its history passes {@code PlaybookOptions.historyEventsLimit()} or the server suggests it,
 * carrying its whole state ({@link PlaybookCarryOver}); the new run goes straight back to the same wait, with the same
 * open task and absolute deadlines. Runs started before the change never continue as new, so their histories replay.
 *
 * <p>Not resumable (the run keeps waiting and its history grows): the tasks of IdPs without an API (provision
 * manually, install the token, confirm the scheduled sync) and activities in flight. README, "Floods", says why.
 */
final class Resumption {
  static final String CHANGE = "continue-as-new-v1";

  private final RunRecord run;
  private OperatorTasks tasks;
  private RecoveryProof proof;
  private boolean enabled;
  private PlaybookCarryOver carried;
  /** Where this run resumes; cleared once the run is back in that wait. */
  private ResumePoint point;
  private int continuedRuns;
  /** The position inside the playbook, kept up to date by the steps so a continue-as-new can hand it over. */
  private int rotationAttempt;
  private List<ConfigChange> suspects = List.of();

  Resumption(RunRecord run) {
    this.run = run;
  }

  void attach(OperatorTasks operatorTasks, RecoveryProof recoveryProof) {
    tasks = operatorTasks;
    proof = recoveryProof;
  }

  /** Decides once per run whether it may continue as new, and takes over what a previous run handed over. */
  ResumePoint begin(PlaybookInput in) {
    enabled = Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    carried = in.carried();
    if (carried == null) {
      return null;
    }
    point = carried.point();
    continuedRuns = carried.continuedRuns();
    rotationAttempt = carried.rotationAttempt();
    suspects = carried.suspects() == null ? List.of() : carried.suspects();
    run.restore(carried.run());
    tasks.restore(carried.pendingTask(), carried.taskSequence(), carried.reminders());
    proof.restore(carried.jobBeforeFix(), carried.jobRestarted());
    return point;
  }

  boolean isAt(ResumePoint p) {
    return point == p;
  }

  /** The run is back in the wait it continued as new from. */
  void resumed() {
    point = null;
  }

  /** True once the history is long enough that a resumable wait should hand over to a new run. */
  boolean due() {
    return enabled && (Workflow.getInfo().getHistoryLength() >= run.options.historyEventsLimit()
        || Workflow.getInfo().isContinueAsNewSuggested());
  }

  /** Whether a wait for this kind of task can continue as new. */
  boolean canResume(TaskKind kind) {
    return kind == TaskKind.APPROVE_ROTATION || kind == TaskKind.REVIEW_SUSPECTS;
  }

  void rotationAttempt(int attempt) {
    rotationAttempt = attempt;
  }

  int rotationAttempt() {
    return rotationAttempt < 1 ? 1 : rotationAttempt;
  }

  void underReview(List<ConfigChange> changes) {
    suspects = List.copyOf(changes);
  }

  List<ConfigChange> suspects() {
    return suspects;
  }

  /** The monitoring window to go back to, once: null unless this run resumes in it. */
  MonitoringWindow takeMonitoring() {
    if (point != ResumePoint.MONITORING) {
      return null;
    }
    point = null;
    return carried.monitoring();
  }

  /** The fix the resumed monitoring watches. */
  Repair fixUnderWatch() {
    MonitoringWindow m = carried.monitoring();
    return Repair.fixed(m.cause(), m.conclusion());
  }

  Instant fixedAtUnderWatch() {
    return carried.monitoring().fixedAt();
  }

  /** Hands everything to a new run waiting at {@code at}, for the open task's kind. Never returns. */
  void continueAsNew(TaskKind kind) {
    continueAsNew(kind == TaskKind.APPROVE_ROTATION ? ResumePoint.APPROVE_ROTATION : ResumePoint.REVIEW_SUSPECTS,
        null);
  }

  /** Never returns: the run this one continues as starts from the carried state. */
  void continueAsNew(ResumePoint at, MonitoringWindow monitoring) {
    // Signal handlers here never wait, but a handler added later might: none may be cut off half-way.
    Workflow.await(Workflow::isEveryHandlerFinished);
    long length = Workflow.getInfo().getHistoryLength();
    run.note("History at " + length + " events: the run continues as new (" + (continuedRuns + 1) + ". time) and "
        + "resumes " + describe(at) + "; counts, evidence and deadlines carry over");
    PlaybookCarryOver handover = new PlaybookCarryOver(at, continuedRuns + 1, run.snapshot(), run.pendingTask,
        tasks.taskSequence(), tasks.reminders(), proof.jobBeforeFix(), proof.jobRestarted(),
        at == ResumePoint.APPROVE_ROTATION ? rotationAttempt() : 0,
        at == ResumePoint.REVIEW_SUSPECTS ? suspects : null, monitoring);
    Workflow.continueAsNew(
        ContinueAsNewOptions.newBuilder().setTypedSearchAttributes(Workflow.getTypedSearchAttributes()).build(),
        new PlaybookInput(run.input.accountId(), run.input.sourceId(), run.options, handover));
  }

  private static String describe(ResumePoint at) {
    return switch (at) {
      case AWAITING_EVENT -> "waiting for a countable failure event";
      case REVIEW_SUSPECTS -> "waiting for the review of the suspect changes";
      case APPROVE_ROTATION -> "waiting for the token rotation's approval";
      case MONITORING -> "in the monitoring window";
    };
  }
}
