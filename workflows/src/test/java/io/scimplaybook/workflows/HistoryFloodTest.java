package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.CoalescingDelivery;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.TimelineEntry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A flood for one (account, source) while its run waits: every signal is a history event, and a real server ends a run
 * at 51,200. The run continues as new past its history limit (continue-as-new-v1), carrying its whole state, and comes
 * back to the same wait; no flood reaches the server's limits, and every event is still counted once.
 *
 * <p>The limit is lowered to {@link #LIMIT} here so that 20,000 events make many continue-as-new boundaries in seconds.
 */
// A flood racing a continue-as-new can make the Java test server refuse the completing task and then never
// hand it out again (temporalio/sdk-java#3088: a refused completion holding a CancelTimer); a real server
// redelivers it. Seen here only under heavy load: bounded, and re-run once by surefire (workflows/pom.xml).
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class HistoryFloodTest {
  static final int LIMIT = 100;
  static final Duration SPACING = CoalescingDelivery.DEFAULT_MIN_SPACING;
  /**
   * What one run's history may reach: the limit, plus what lands before its continue-as-new completes. A server
   * refuses to close a run while signals arrive that its workflow task has not seen, and the worker then replays the
   * whole history, so the overshoot is the signals that arrive within a worker's round trip: a few with the door's
   * spacing on an idle machine, up to ~310 measured with the build machine at load average 21.
   */
  static final int BOUND = LIMIT + 400;
  static final int SENDERS = 64;
  static final Instant BASE = Instant.parse("2026-11-29T06:00:00Z");
  static final String TOKEN = "flood-token-5d1c";

  private final PlaybookTestEnvironment t = new PlaybookTestEnvironment();

  @AfterEach
  void tearDown() {
    t.close();
  }

  private static ScimFailureEvent event(int i, Instant time) {
    return new ScimFailureEvent(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE, time,
        "invalid credentials #" + i, "story-1", ScimFailureEvent.ORIGIN_WEBHOOK, "ev-" + i);
  }

  /** Event i happened i seconds after BASE, except two placed in the middle of the flood as the earliest and latest. */
  private static Instant timeOf(int i) {
    if (i == 7_777) {
      return BASE.minus(Duration.ofHours(3));
    }
    if (i == 12_345) {
      return BASE.plus(Duration.ofHours(9));
    }
    return BASE.plusSeconds(i);
  }

  private PlaybookOptions options() {
    return PlaybookOptions.defaults().withHistoryLimit(LIMIT);
  }

  @Test
  void twentyThousandEventsWhileTheApprovalWaitsAreEachCountedOnceAndNoRunOutgrowsTheBound() throws Exception {
    t.fake.validToken = TOKEN;
    t.fake.provisionResults.add(FakeActivities.succeeded());
    t.signalWithStart(event(0, timeOf(0)), options());
    OperatorTask task = t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
        "the approval task").pendingTask();

    // 8,000 events one per call from 64 senders at once through the webhook's door (CoalescingDelivery), and 12,000
    // in pages of 1,000 the way the poller delivers them (PlaybookDelivery.deliverAll, 500 a signal); 1,000 repeats of
    // ids just sent ride along in both, as a sender's retries do (the run remembers the latest 10,000 ids, so a repeat
    // must follow its original within that many). Each distinct id is counted once, in whatever run it lands.
    CoalescingDelivery door = new CoalescingDelivery(t.client, 10_000, 2_000, SPACING);
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> sent = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      sent.add(senders.submit(() -> {
        for (int i = 1 + sender; i <= 8_000; i += SENDERS) {
          door.deliver(event(i, timeOf(i)), options());
          if (i % 20 == 1) {
            // The sender did not hear the answer and sends it again.
            door.deliver(event(i, timeOf(i)), options());
          }
        }
      }));
    }
    for (Future<?> f : sent) {
      f.get(120, TimeUnit.SECONDS);
    }
    senders.shutdown();
    // The pages go in once the senders are done: unspaced, 12,600 events can pass between a door sender's event and
    // its repeat (the door spaces a run's signals 100 ms apart), which is more than the 10,000 ids a run remembers,
    // and on a fast machine they did (20,002 counted).
    for (int page = 0; page < 12; page++) {
      List<ScimFailureEvent> events = new ArrayList<>();
      for (int i = 8_001 + page * 1_000; i < 8_001 + (page + 1) * 1_000; i++) {
        events.add(event(i, timeOf(i)));
      }
      for (int r = 0; r < 50; r++) {
        int again = 8_001 + page * 1_000 + r * 20;
        events.add(event(again, timeOf(again)));
      }
      PlaybookDelivery.deliverAll(t.client, events, options());
    }
    int distinct = 20_001;

    var counted = t.awaitStatus(s -> s.failures().count() >= distinct, "every event counted");
    assertThat(counted.failures().count()).isEqualTo(distinct);
    assertThat(counted.pendingTask()).as("the same task, still open, after continue-as-new").isEqualTo(task);
    t.running().approveRotation(new RotationApproval(task.id(), "alice", t.fake.seal.seal(TOKEN), "after the flood"));
    PlaybookReport report = t.result();

    assertThat(report.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(report.failures().count()).isEqualTo(distinct);
    assertThat(report.failures().firstSeen()).isEqualTo(timeOf(7_777));
    assertThat(report.failures().lastSeen()).isEqualTo(timeOf(12_345));
    assertThat(report.support().catoEventIds()).first().isEqualTo("ev-0");
    assertThat(report.steps()).extracting(StepRecord::step)
        .containsSubsequence(Step.VERIFY, Step.PROVISION_ON_DEMAND, Step.AUDIT_REVIEW, Step.TOKEN_ROTATION,
            Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
    assertThat(t.fake.provisionCalls).as("nothing done twice across the boundaries").hasValue(2);

    List<WorkflowExecutionHistory> runs = chain();
    assertThat(runs.size()).as("runs of the playbook, continued as new").isGreaterThanOrEqualTo(2);
    for (WorkflowExecutionHistory h : runs) {
      assertThat(h.getEvents().size()).as("history events of run " + h.getWorkflowExecution().getRunId())
          .isLessThanOrEqualTo(BOUND);
    }
    print("approval flood", runs);
  }

  private static void print(String what, List<WorkflowExecutionHistory> runs) {
    System.out.printf("history flood (%s): %d runs, history events per run %s (limit %d), %d signals in all%n", what,
        runs.size(), runs.stream().map(h -> h.getEvents().size()).toList(), LIMIT, runs.stream()
            .mapToLong(h -> h.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED).count())
            .sum());
  }

  @Test
  void repeatsDuringMonitoringCannotEndTheWindowNorGrowTheHistoryAndTheWindowKeepsItsEnd() {
    t.fake.provisionResults.set(0, FakeActivities.succeeded());
    t.signalWithStart(event(0, timeOf(0)), options());
    t.awaitStatus(s -> s.step() == Step.MONITORING, "monitoring");
    t.env.sleep(Duration.ofMinutes(30));

    // A sender stuck retrying one event, one call at a time: it never counts again, so it cannot end the window, yet
    // each is a signal (the door spaces them, it cannot merge them: each call waits for its own).
    CoalescingDelivery door = new CoalescingDelivery(t.client, 10_000, 2_000, SPACING);
    for (int i = 0; i < 150; i++) {
      door.deliver(event(0, timeOf(0)), options());
    }
    t.awaitStatus(s -> s.timeline().stream().anyMatch(e -> e.text().contains("continues as new")), "a continue-as-new");
    PlaybookReport report = t.result();

    assertThat(report.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.failures().count()).isEqualTo(1);
    StepRecord monitoring = report.steps().stream().filter(s -> s.step() == Step.MONITORING).findFirst().orElseThrow();
    // The window ends an hour after it began, not an hour after the new run resumed it.
    assertThat(Duration.between(monitoring.startedAt(), monitoring.endedAt())).isLessThan(Duration.ofMinutes(61));
    assertThat(report.timeline()).extracting(TimelineEntry::text)
        .anyMatch(e -> e.contains("resumes in the monitoring window"));
    List<WorkflowExecutionHistory> runs = chain();
    print("repeats during monitoring", runs);
    assertThat(runs.size()).isGreaterThan(1);
    runs.forEach(h -> assertThat(h.getEvents().size()).isLessThanOrEqualTo(BOUND));
  }

  /** Every run of the playbook, latest first, following each run back to the one it continued. */
  private List<WorkflowExecutionHistory> chain() {
    List<WorkflowExecutionHistory> runs = new ArrayList<>();
    WorkflowExecutionHistory h = t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID);
    while (true) {
      runs.add(h);
      HistoryEvent started = h.getEvents().get(0);
      assertThat(started.getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
      String previous = started.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (previous.isEmpty()) {
        return runs;
      }
      h = t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID, previous);
    }
  }
}
