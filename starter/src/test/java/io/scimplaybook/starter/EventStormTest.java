package io.scimplaybook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.PollerStatus;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.starter.poller.PollerProperties;
import io.scimplaybook.starter.webhook.PlaybookStarter;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Storms and repeats: 10,000 SCIM failure events for 100 (account, source) pairs arrive through the webhook (5,000
 * POSTs from several senders, in both body formats) and through the events-feed pollers (5,000 feed records read in
 * pages, among records the pollers must skip) at the same time, the same pairs fed by both. Along the way a page's
 * delivery breaks half-way and is retried by the activity, another breaks for good and the page is fetched again,
 * a fetch is refused for Cato's rate limit, and a few hundred webhook events with an event id are posted twice. The REAL playbook and poller workflows run; each playbook run is held
 * open, waiting for a token-rotation approval.
 *
 * <p>Proven afterwards: exactly 100 playbook executions, one per pair, all still open; each run counted exactly the
 * events sent for its pair, with the earliest and latest event times as first and last seen, so all 10,000 are
 * accounted for and the half-pages and webhook retries delivered twice were counted once; every signal sent reached history; each poller
 * holds the marker after its last page and counted its account's events, across continue-as-new.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "scim-playbook.webhook.bearer-token=" + EventStormTest.TOKEN,
    "scim-playbook.poller.accounts=" + EventStormTest.ACCOUNT_LIST,
    // Short, so the pollers keep pace with the webhook. Continue-as-new after every second fetch: each account's feed
    // has three pages, so every poller continues as new at least once before it reads its last page.
    "scim-playbook.poller.interval=PT0.2S",
    "scim-playbook.poller.min-spacing=PT0.05S",
    "scim-playbook.poller.backoff-base=PT0.1S",
    "scim-playbook.poller.backoff-max=PT1S",
    "scim-playbook.poller.polls-before-continue-as-new=2",
    // One INFO line per accepted event would be 5,000 lines of report; failures still log.
    "logging.level.io.scimplaybook.starter.webhook.PlaybookStarter=WARN"})
@DirtiesContext
class EventStormTest {

  static final String TOKEN = "storm-token-0123456789abcdef";
  static final String ACCOUNT_LIST = "4100,4101,4102,4103";
  static final int SOURCES_PER_ACCOUNT = 25;
  static final int WEBHOOK_EVENTS = 5_000;
  static final int FEED_EVENTS = 5_000;
  static final int FAILURES_PER_PAGE = 500;
  /** A page of at least this many records makes the poller fetch again after the min spacing. */
  static final int FULL_PAGE = 400;
  /** Page k of each account's feed appears once the webhook has accepted REVEAL_AT[k] events. */
  static final int[] REVEAL_AT = {0, 1_500, 3_000};
  static final int SENDERS = 8;
  static final String CATO_KEY = "cato-storm-key-Q7";
  static final Duration SETTLE = Duration.ofSeconds(90);
  static final Duration STALLED = Duration.ofSeconds(10);

  static final StormPlan plan = StormPlan.generate(20261129L, 4, SOURCES_PER_ACCOUNT, WEBHOOK_EVENTS, FEED_EVENTS);
  static final StormFeed feed = new StormFeed(CATO_KEY, plan.feed, FAILURES_PER_PAGE, REVEAL_AT);
  static final MockWebServer cato = new MockWebServer();
  static final List<FlakyFeedDelivery.Fault> FAULTS = List.of(
      new FlakyFeedDelivery.Fault("4100", 2, true),
      new FlakyFeedDelivery.Fault("4101", 2, false));
  static final FlakyFeedDelivery[] delivery = new FlakyFeedDelivery[1];
  static final StormTemporal temporal;

  static {
    cato.setDispatcher(feed);
    feed.rateLimitOnce("4102", 1);
    try {
      cato.start(java.net.InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    temporal = StormTemporal.start(cato.url("/api/v1/graphql2").toString(), CATO_KEY, FULL_PAGE, real -> {
      delivery[0] = new FlakyFeedDelivery(real, FAULTS);
      return delivery[0];
    });
  }

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stop() throws IOException {
    temporal.close();
    cato.shutdown();
  }

  @LocalServerPort int port;
  @Autowired PollerProperties pollers;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void tenThousandEventsFromTheWebhookAndTheFeedBecomeOneRunPerPairWithEveryEventCountedOnce() throws Exception {
    assertThat(plan.accounts).as("the starter polls the plan's accounts").isEqualTo(pollers.accounts());
    assertThat(plan.expected).hasSize(100);
    assertThat(plan.totalEvents()).isEqualTo(10_000);
    Map<String, Long> viaWebhook = plan.webhook.stream()
        .collect(Collectors.groupingBy(StormEvent::workflowId, Collectors.counting()));
    Map<String, Long> viaFeed = plan.feed.values().stream().flatMap(List::stream)
        .collect(Collectors.groupingBy(StormEvent::workflowId, Collectors.counting()));
    assertThat(viaWebhook.keySet()).as("every pair hears from the webhook").isEqualTo(plan.expected.keySet());
    assertThat(viaFeed.keySet()).as("every pair hears from the feed").isEqualTo(plan.expected.keySet());
    plan.accounts.forEach(a -> assertThat(feed.pageCount(a)).as("pages of " + a + "'s feed").isEqualTo(3));

    long start = System.nanoTime();
    AtomicInteger accepted = new AtomicInteger();
    feed.open(accepted::get);
    List<String> refused = sendThroughTheWebhook(accepted);
    long webhookDone = System.nanoTime();
    assertThat(refused).as("webhook answers other than 202 naming the pair's run").isEmpty();
    assertThat(accepted.get()).isEqualTo(WEBHOOK_EVENTS + plan.webhookRepeats());

    Map<String, PollerStatus> pollerStatus = awaitPollersThroughTheirFeeds();
    long feedDone = System.nanoTime();
    Map<String, PlaybookStatus> runs = awaitTallies();
    long settled = System.nanoTime();

    // Exactly one run per pair, none closed (a second run or a closed one would show here).
    List<WorkflowExecutionInfo> open = temporal.open("ScimPlaybookWorkflow");
    List<String> openIds = open.stream().map(e -> e.getExecution().getWorkflowId()).toList();
    String unconfigured = "-" + PlaybookIds.UNCONFIGURED_SOURCE;
    assertThat(openIds.stream().filter(id -> !id.endsWith(unconfigured)))
        .containsExactlyInAnyOrderElementsOf(plan.expected.keySet());
    // Failed SCIM records that name no source are attributed, never dropped: this worker configures no source, so they
    // reach their account's "unconfigured" run (which, with real activities, ends ESCALATED naming the missing entry).
    assertThat(openIds.stream().filter(id -> id.endsWith(unconfigured)))
        .isNotEmpty()
        .allMatch(id -> plan.accounts.stream().anyMatch(
            a -> id.equals(PlaybookIds.workflowId(a, PlaybookIds.UNCONFIGURED_SOURCE))));
    assertThat(temporal.closed("ScimPlaybookWorkflow")).isEmpty();

    // Every event counted once, in the run of its pair, with its time folded into first and last seen.
    long total = 0;
    for (StormPlan.Expected expected : plan.expected.values()) {
      String id = PlaybookIds.workflowId(expected.accountId(), expected.sourceId());
      PlaybookStatus status = runs.get(id);
      FailureTally tally = status.failures();
      assertThat(tally.count()).as("events counted by " + id).isEqualTo(expected.count());
      assertThat(tally.firstSeen()).as("first seen of " + id).isEqualTo(expected.firstSeen());
      assertThat(tally.lastSeen()).as("last seen of " + id).isEqualTo(expected.lastSeen());
      assertThat(status.step()).as("step of " + id).isEqualTo(Step.TOKEN_ROTATION);
      assertThat(status.cycle()).as("cycle of " + id).isEqualTo(1);
      total += tally.count();
    }
    assertThat(total).isEqualTo(10_000);

    // Every signal sent reached a run's history: the webhook's, and the feed's including the half-pages sent twice,
    // which the runs above counted once.
    FlakyFeedDelivery flaky = delivery[0];
    assertThat(flaky.faultsNotFired()).as("every planned delivery fault fired").isZero();
    assertThat(flaky.repeatedSignals()).isEqualTo(
        feed.failuresOnPage("4100", 1) / 2 + feed.failuresOnPage("4101", 1) / 2);
    // The feed's events plus its failed records naming no source, now attributed (to "unconfigured") instead of dropped.
    assertThat(feed.deliveredFailures() - FEED_EVENTS).as("failed records without a source").isPositive();
    assertThat(flaky.signals()).isEqualTo(feed.deliveredFailures() + flaky.repeatedSignals());
    assertThat(plan.webhookRepeats()).as("webhook events sent twice").isGreaterThan(100);
    // Counted in events, since a signal now carries one or a batch (the webhook coalesces, the poller sends a page's
    // events for one run together).
    long[] inHistory = eventsInSignals(open);
    assertThat(inHistory[0]).isEqualTo(WEBHOOK_EVENTS + plan.webhookRepeats() + flaky.signals());

    // Each poller read its whole feed once (the page whose delivery broke for good, twice), skipped what is no SCIM
    // failure of a known source, kept its marker and counter across continue-as-new, and is still polling.
    assertThat(feed.problems()).as("requests the fake Cato refused").isEmpty();
    assertThat(feed.rateLimitedAnswers()).isEqualTo(1);
    Map<String, Integer> expectedServes = new HashMap<>();
    for (String account : plan.accounts) {
      for (int page = 0; page < feed.pageCount(account); page++) {
        expectedServes.put(account + "#" + page, account.equals("4101") && page == 1 ? 2 : 1);
      }
      PollerStatus poller = pollerStatus.get(account);
      assertThat(poller.marker()).as("marker of " + account).isEqualTo(StormFeed.markerAfter(feed.pageCount(account)));
      assertThat(poller.eventsDelivered()).as("events delivered by " + account + "'s poller")
          .isEqualTo(feed.deliveredFailures(account));
      assertThat(poller.stopping()).isFalse();
    }
    assertThat(feed.servedPages()).isEqualTo(expectedServes);
    // Distinct ids: the test server's continue-as-new is not atomic (sdk-java#1538), so a listing can catch the new
    // run started while the old one is not yet closed.
    assertThat(temporal.open("EventsFeedPollerWorkflow").stream().map(e -> e.getExecution().getWorkflowId()).distinct())
        .containsExactlyInAnyOrderElementsOf(plan.accounts.stream().map(PlaybookIds::pollerWorkflowId).toList());
    Map<String, List<WorkflowExecutionInfo>> continued = temporal.closed("EventsFeedPollerWorkflow").stream()
        .collect(Collectors.groupingBy(e -> e.getExecution().getWorkflowId()));
    for (String account : plan.accounts) {
      assertThat(continued.get(PlaybookIds.pollerWorkflowId(account))).as("earlier runs of " + account + "'s poller")
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW));
    }

    // The two paths overlapped: the feed's first page went out while the webhook was still being posted to.
    assertThat(feed.firstPageServedNanos()).isBetween(start, webhookDone);

    System.out.printf("event storm: %d events in %d failure signals%n", inHistory[0], inHistory[1]);
    System.out.printf("event storm: %d events (%d webhook by %d senders, %d feed in %d pages), %d runs%n"
            + "  webhook posts done after %d ms (%.0f POSTs/s), feed delivered after %d ms, tallies settled after %d ms;"
            + " %d feed events and %d webhook events delivered twice and counted once; %d eventsFeed fetches,"
            + " polls per poller %s%n",
        plan.totalEvents(), WEBHOOK_EVENTS, SENDERS, FEED_EVENTS, expectedServes.size(), open.size(),
        millis(start, webhookDone), plan.webhookSends.size() * 1e9 / (webhookDone - start), millis(start, feedDone),
        millis(start, settled), flaky.repeatedSignals(), plan.webhookRepeats(), feed.fetches(),
        pollerStatus.values().stream().map(p -> p.accountId() + "=" + p.polls()).sorted().toList());
  }

  /** Posts every webhook event of the plan from several senders; returns the answers that were not right. */
  private List<String> sendThroughTheWebhook(AtomicInteger accepted) throws Exception {
    URL url = new URL("http://127.0.0.1:" + port + "/events/scim-failure");
    Queue<String> refused = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        done.add(senders.submit(() -> {
          for (int i = next.getAndIncrement(); i < plan.webhookSends.size(); i = next.getAndIncrement()) {
            StormEvent event = plan.webhookSends.get(i);
            String[] answer = post(url, body(event));
            String runId = answer[0].equals("202") ? json.readTree(answer[1]).path("workflowId").asText() : null;
            if (event.workflowId().equals(runId)) {
              accepted.incrementAndGet();
            } else {
              refused.add("event " + event.seq() + ": " + answer[0] + " " + answer[1]);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(SETTLE.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }
    return List.copyOf(refused);
  }

  /** The project's plain JSON, or the CMA template as Cato fills it (time as epoch millis or ISO, id as number). */
  private String body(StormEvent e) {
    ObjectNode body = json.createObjectNode();
    if (e.path() == StormEvent.Path.WEBHOOK_PLAIN) {
      body.put("accountId", e.accountId());
      body.put("sourceId", e.sourceId());
      body.put("time", e.time().toString());
      body.put("reason", e.reason());
      body.put("storyId", e.storyId());
      if (e.webhookEventId() != null) {
        body.put("eventId", e.webhookEventId());
      }
      return body.toString();
    }
    body.put("event_type", "System");
    body.put("event_sub_type", "SCIM Provisioning");
    body.put("action", "Failed");
    if (e.seq() % 2 == 0) {
      body.put("account_id", Long.parseLong(e.accountId()));
      body.put("time", Long.toString(e.time().toEpochMilli()));
    } else {
      body.put("account_id", e.accountId());
      body.put("time", e.time().toString());
    }
    body.put("resource_id", e.sourceId());
    body.put("resource_name", "Entra ID SCIM");
    body.put("failure_reason", e.reason());
    body.put("event_message", "SCIM provisioning from Entra ID SCIM failed");
    body.put("story_id", e.storyId());
    body.put("event_id", e.webhookEventId());
    return body.toString();
  }

  /** A blocking keep-alive POST with the bearer token; returns status and body. */
  private static String[] post(URL url, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Authorization", "Bearer " + TOKEN);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    c.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = c.getOutputStream()) {
      out.write(bytes);
    }
    int status = c.getResponseCode();
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      return new String[] {Integer.toString(status), in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8)};
    }
  }

  /** Waits until every poller has moved past its last page and counted its account's events. */
  private Map<String, PollerStatus> awaitPollersThroughTheirFeeds() {
    Map<String, PollerStatus> last = new HashMap<>();
    awaitTrue("every poller through its feed", () -> {
      for (String account : plan.accounts) {
        PollerStatus s = temporal.client()
            .newWorkflowStub(EventsFeedPollerWorkflow.class, PlaybookIds.pollerWorkflowId(account)).status();
        last.put(account, s);
      }
      return plan.accounts.stream().allMatch(a -> last.get(a).eventsDelivered() >= plan.feed.get(a).size()
          && StormFeed.markerAfter(feed.pageCount(a)).equals(last.get(a).marker()));
    }, () -> last.toString());
    return last;
  }

  /**
   * Waits until every run has counted at least its pair's events, or until no run's count has moved for {@link
   * #STALLED} (an event that never arrives need not cost the whole {@link #SETTLE}). Signals show once the workflow
   * task handling them completes, so this polls; the exact comparison comes after, on a second reading of every run.
   */
  private Map<String, PlaybookStatus> awaitTallies() throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    long lastMove = System.nanoTime();
    long lastSum = -1;
    while (System.nanoTime() < deadline && System.nanoTime() - lastMove < STALLED.toNanos()) {
      long sum = 0;
      boolean all = true;
      for (StormPlan.Expected e : plan.expected.values()) {
        long count = status(PlaybookIds.workflowId(e.accountId(), e.sourceId())).failures().count();
        sum += count;
        all &= count >= e.count();
      }
      if (all) {
        break;
      }
      if (sum != lastSum) {
        lastSum = sum;
        lastMove = System.nanoTime();
      }
      // Pacing of the poll only: nothing here waits for time to pass in a workflow.
      Thread.sleep(50);
    }
    Map<String, PlaybookStatus> again = new HashMap<>();
    plan.expected.keySet().forEach(id -> again.put(id, status(id)));
    return again;
  }

  private static PlaybookStatus status(String workflowId) {
    return temporal.client().newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).status();
  }

  /** Events carried by the runs' failure signals, and the number of those signals. */
  private long[] eventsInSignals(List<WorkflowExecutionInfo> runs) throws IOException {
    long events = 0;
    long signals = 0;
    for (WorkflowExecutionInfo run : runs) {
      for (HistoryEvent event : temporal.client().fetchHistory(run.getExecution().getWorkflowId()).getEvents()) {
        if (event.getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
          continue;
        }
        var signal = event.getWorkflowExecutionSignaledEventAttributes();
        if (signal.getSignalName().equals("failureReported")) {
          events++;
          signals++;
        } else if (signal.getSignalName().equals("failuresReported")) {
          events += json.readTree(signal.getInput().getPayloads(0).getData().toByteArray()).path("events").size();
          signals++;
        }
      }
    }
    return new long[] {events, signals};
  }

  private static void awaitTrue(String what, BooleanSupplier condition, java.util.function.Supplier<String> last) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        // Pacing of the poll only: nothing here waits for time to pass in a workflow.
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    throw new AssertionError(what + ": not within " + SETTLE + "; last: " + last.get());
  }

  private static long millis(long from, long to) {
    return TimeUnit.NANOSECONDS.toMillis(to - from);
  }
}
