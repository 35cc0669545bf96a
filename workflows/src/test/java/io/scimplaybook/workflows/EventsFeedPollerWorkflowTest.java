package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.status.PollerStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsFeedPollerWorkflowTest {
  private static final Duration INTERVAL = Duration.ofSeconds(30);
  private static final PollerOptions OPTIONS =
      new PollerOptions(INTERVAL, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(40), 100);

  private final PollerTestEnvironment t = new PollerTestEnvironment();
  private final FakeEventsFeed feed = t.feed;

  @AfterEach
  void tearDown() {
    t.close();
  }

  private long gapMillis(int fetch) {
    List<FakeEventsFeed.Fetch> f = feed.fetches;
    return f.get(fetch).atMillis() - f.get(fetch - 1).atMillis();
  }

  @Test
  void aWorkerRestartNeitherMissesNorRepeatsAnEvent() {
    feed.append(3, "7");
    t.start(OPTIONS);
    t.awaitStatus(s -> s.polls() == 1 && s.eventsDelivered() == 3, "the first page delivered");
    assertThat(feed.deliveredIds()).containsExactly("ev-1", "ev-2", "ev-3");

    t.stopWorker();
    feed.append(2, "8");
    t.env.sleep(INTERVAL.plusSeconds(5));
    t.startNewWorker();
    // The dead worker held the run's sticky queue: the server hands the run to the new worker once that times out.
    t.env.sleep(Duration.ofSeconds(10));
    t.await(() -> feed.delivered.size() >= 5, "the events that came during the restart delivered");
    PollerStatus status = t.awaitStatus(s -> s.eventsDelivered() == 5, "the events that came during the restart");
    assertThat(feed.deliveredIds()).containsExactly("ev-1", "ev-2", "ev-3", "ev-4", "ev-5");
    assertThat(feed.fetches).extracting(FakeEventsFeed.Fetch::marker).containsExactly(null, "m-3");
    assertThat(status.marker()).isEqualTo("m-5");
    assertThat(status.polls()).isEqualTo(2);
  }

  @Test
  void continueAsNewCarriesTheMarkerAndTheCounters() {
    PollerOptions twoPollsPerRun =
        new PollerOptions(INTERVAL, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(40), 2);
    feed.append(1, "7");
    feed.refusedPerFetch = List.of("record 'bad-1': reason holds a control character U+0000 at index 3");
    t.start(twoPollsPerRun);
    String firstRunId = t.client.newUntypedWorkflowStub(PollerTestEnvironment.WORKFLOW_ID).describe()
        .getExecution().getRunId();
    t.awaitStatus(s -> s.polls() == 1, "the first poll");
    for (int n = 2; n <= 5; n++) {
      feed.append(1, "7");
      t.env.sleep(INTERVAL);
      long expected = n;
      t.awaitStatus(s -> s.polls() == expected, "poll " + n);
    }

    PollerStatus status = t.running().status();
    assertThat(status.marker()).isEqualTo("m-5");
    assertThat(status.eventsDelivered()).isEqualTo(5);
    assertThat(status.eventsRefused()).as("refused records counted across continue-as-new").isEqualTo(5);
    assertThat(status.lastRefused()).isEqualTo("record 'bad-1': reason holds a control character U+0000 at index 3");
    assertThat(feed.deliveredIds()).containsExactly("ev-1", "ev-2", "ev-3", "ev-4", "ev-5");
    assertThat(feed.fetches).extracting(FakeEventsFeed.Fetch::marker)
        .containsExactly(null, "m-1", "m-2", "m-3", "m-4");
    WorkflowStub latest = t.client.newUntypedWorkflowStub(PollerTestEnvironment.WORKFLOW_ID);
    assertThat(latest.describe().getExecution().getRunId()).isNotEqualTo(firstRunId);
    assertThat(t.describe(firstRunId).getWorkflowExecutionInfo().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    // Every run started by the poller carries the playbook settings the poller was started with.
    assertThat(feed.deliveredWith).allSatisfy(o -> assertThat(o.monitoringWindow()).isEqualTo(Duration.ofMinutes(7)));
  }

  @Test
  void catosRetryAfterIsTheLeastWaitAfterARefusal() {
    feed.append(1, "7");
    feed.rateLimitedFetches.set(1);
    feed.retryAfter = Duration.ofSeconds(90);
    t.start(OPTIONS);

    PollerStatus backingOff = t.awaitStatus(s -> s.rateLimitedInARow() == 1, "the refusal");
    assertThat(backingOff.backoff()).isEqualTo(Duration.ofSeconds(90));
    t.env.sleep(Duration.ofSeconds(90));
    t.awaitStatus(s -> s.polls() == 1, "a good fetch after Retry-After");

    assertThat(gapMillis(1)).isBetween(90_000L, 90_999L);
  }

  @Test
  void rateLimitRefusalsBackOffExponentiallyAndShowInStatus() {
    feed.append(2, "7");
    feed.rateLimitedFetches.set(3);
    t.start(OPTIONS);

    PollerStatus backingOff = t.awaitStatus(s -> s.rateLimitedInARow() == 1, "the first refusal");
    assertThat(backingOff.backoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(backingOff.polls()).isZero();
    assertThat(backingOff.marker()).isNull();

    t.env.sleep(Duration.ofSeconds(5));
    t.awaitStatus(s -> s.rateLimitedInARow() == 2 && Duration.ofSeconds(10).equals(s.backoff()), "the second refusal");
    t.env.sleep(Duration.ofSeconds(10));
    t.awaitStatus(s -> s.rateLimitedInARow() == 3 && Duration.ofSeconds(20).equals(s.backoff()), "the third refusal");
    t.env.sleep(Duration.ofSeconds(20));
    PollerStatus recovered = t.awaitStatus(s -> s.polls() == 1, "a good fetch after the refusals");

    assertThat(recovered.backoff()).isNull();
    assertThat(recovered.rateLimitedInARow()).isZero();
    assertThat(recovered.eventsDelivered()).isEqualTo(2);
    assertThat(feed.fetches).hasSize(4).extracting(FakeEventsFeed.Fetch::marker).containsOnlyNulls();
    assertThat(gapMillis(1)).isBetween(5_000L, 5_999L);
    assertThat(gapMillis(2)).isBetween(10_000L, 10_999L);
    assertThat(gapMillis(3)).isBetween(20_000L, 20_999L);
  }

  @Test
  void backOffDoublesUpToItsMaximum() {
    assertThat(EventsFeedPollerWorkflowImpl.backoffAfter(1, OPTIONS)).isEqualTo(Duration.ofSeconds(5));
    assertThat(EventsFeedPollerWorkflowImpl.backoffAfter(2, OPTIONS)).isEqualTo(Duration.ofSeconds(10));
    assertThat(EventsFeedPollerWorkflowImpl.backoffAfter(4, OPTIONS)).isEqualTo(Duration.ofSeconds(40));
    assertThat(EventsFeedPollerWorkflowImpl.backoffAfter(5, OPTIONS)).isEqualTo(Duration.ofSeconds(40));
    assertThat(EventsFeedPollerWorkflowImpl.backoffAfter(10_000, OPTIONS)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void aFullPageIsFollowedAfterTheMinimumSpacingNotTheInterval() {
    feed.pageSize = 2;
    feed.append(5, "7");
    t.start(OPTIONS);
    t.awaitStatus(s -> s.polls() == 1, "the first page");

    t.env.sleep(Duration.ofSeconds(2));
    t.awaitStatus(s -> s.polls() == 3 && s.eventsDelivered() == 5, "the rest of the feed, soon after");
    t.env.sleep(INTERVAL.plusSeconds(1));
    t.awaitStatus(s -> s.polls() == 4, "the next regular poll");

    assertThat(gapMillis(1)).isBetween(1_000L, 1_999L);
    assertThat(gapMillis(2)).isBetween(1_000L, 1_999L);
    assertThat(gapMillis(3)).as("the third page was not full").isBetween(30_000L, 30_999L);
    assertThat(feed.deliveredIds()).containsExactly("ev-1", "ev-2", "ev-3", "ev-4", "ev-5");
  }

  @Test
  void stopEndsThePollerWithoutAnotherPoll() {
    feed.append(1, "7");
    t.start(OPTIONS);
    t.awaitStatus(s -> s.polls() == 1, "the first poll");

    t.running().stop();
    t.client.newUntypedWorkflowStub(PollerTestEnvironment.WORKFLOW_ID).getResult(Void.class);

    // Waiting for the result lets the test server skip time past the 30 s interval: a poller that slept on would
    // have fetched again before it noticed the stop.
    assertThat(feed.fetches).hasSize(1);
    assertThat(t.client.fetchHistory(PollerTestEnvironment.WORKFLOW_ID).getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }
}
