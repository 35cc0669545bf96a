package io.scimplaybook.workflows;

import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.RootCause;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Map;

/**
 * The playbook's own metrics, names and tags in one place. They go through {@link Workflow#getMetricsScope()}: the SDK
 * wraps that scope so nothing is recorded while a history replays (ReplayAwareScope), so a run counts once however often
 * a worker rebuilds it, and recording adds no command to the history, so no getVersion guards it. The worker's scope
 * reports into its Micrometer registry (temporal-spring-boot-starter), where each series also carries the SDK's
 * namespace, task_queue and workflow_type tags; Prometheus names are these with dots as underscores, counters ending
 * {@code _total} and timers {@code _seconds}. Tag values are small enums only, never an account or source id.
 */
final class PlaybookMetrics {
  static final String RUNS_STARTED = "scim.playbook.runs.started";
  static final String RUNS_ENDED = "scim.playbook.runs.ended";
  static final String TIME_TO_DIAGNOSIS = "scim.playbook.time.to.diagnosis";
  static final String OPERATOR_WAIT = "scim.playbook.operator.wait";
  static final String TASKS_OPENED = "scim.playbook.operator.tasks.opened";
  static final String TASKS_CLOSED = "scim.playbook.operator.tasks.closed";

  static final String OUTCOME = "outcome";
  static final String ROOT_CAUSE = "root_cause";
  static final String IDP = "idp";
  static final String TASK_KIND = "task_kind";
  /** How a task closed: {@code answered}, or {@code timed_out} when its deadline passed first. */
  static final String ANSWER = "answer";
  /** What a tag says when the run does not know yet (no IdP before the source is identified, no cause). */
  static final String NONE = "NONE";

  private final RunRecord run;
  private Instant startedAt;
  private boolean diagnosed;

  PlaybookMetrics(RunRecord run) {
    this.run = run;
  }

  void started() {
    startedAt = RunRecord.now();
    Workflow.getMetricsScope().counter(RUNS_STARTED).inc(1);
  }

  /**
   * Time to diagnosis: from the run's start (its first event) until its first repair attempt named a root cause
   * (UNKNOWN when nothing it tried proved one). It includes the time people took to answer, which {@link #OPERATOR_WAIT}
   * shows on its own; later cycles are not counted again.
   */
  void diagnosed(RootCause cause) {
    if (diagnosed || startedAt == null) {
      return;
    }
    diagnosed = true;
    Workflow.getMetricsScope().tagged(Map.of(ROOT_CAUSE, name(cause), IDP, idp()))
        .timer(TIME_TO_DIAGNOSIS).record(since(startedAt));
  }

  void ended(Outcome outcome, RootCause cause) {
    Workflow.getMetricsScope().tagged(Map.of(OUTCOME, outcome.name(), ROOT_CAUSE, name(cause), IDP, idp()))
        .counter(RUNS_ENDED).inc(1);
  }

  void taskOpened(TaskKind kind) {
    Workflow.getMetricsScope().tagged(Map.of(TASK_KIND, kind.name(), IDP, idp())).counter(TASKS_OPENED).inc(1);
  }

  /** Pending tasks are opened minus closed: every task a run opens closes, answered or at its deadline. */
  void taskClosed(TaskKind kind, Instant opened, boolean answered) {
    var scope = Workflow.getMetricsScope()
        .tagged(Map.of(TASK_KIND, kind.name(), IDP, idp(), ANSWER, answered ? "answered" : "timed_out"));
    scope.counter(TASKS_CLOSED).inc(1);
    scope.timer(OPERATOR_WAIT).record(since(opened));
  }

  private String idp() {
    Idp idp = run.profile == null ? null : run.profile.idp();
    return idp == null ? NONE : idp.name();
  }

  private static String name(RootCause cause) {
    return cause == null ? NONE : cause.name();
  }

  private static com.uber.m3.util.Duration since(Instant from) {
    return com.uber.m3.util.Duration.ofMillis(Math.max(0, RunRecord.now().toEpochMilli() - from.toEpochMilli()));
  }
}
