package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookStartOptions;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.starter.StarterApplication;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: a measurement, run only by {@code mvn -B -q -pl starter -am verify -Pbenchmark}. One embedded test
 * server (with the fake playbook's worker), one starter on a loopback port, and two ways of delivering the same mix of
 * failure events with the same concurrency: authenticated HTTP POSTs to the webhook, and the SDK's signal-with-start
 * called directly. Each round uses fresh (account, source) pairs, each pair receiving several events, interleaved so
 * that repeats of one pair arrive concurrently. Prints events/s for each path and their ratio (median of the rounds);
 * the only assertions are that every event of every round reached its run.
 */
class WebhookBenchmark {

  static final int CLIENTS = Integer.getInteger("bench.clients", 16);
  static final int PAIRS = Integer.getInteger("bench.pairs", 100);
  static final int EVENTS_PER_PAIR = Integer.getInteger("bench.repeats", 10);
  static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 5);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  static final String TOKEN = "benchmark-token-" + Long.toHexString(System.nanoTime());

  /** One way of handing one event to Temporal. */
  interface Delivery {
    void deliver(ScimFailureEvent event) throws Exception;
  }

  @Test
  void webhookAgainstRawSignalWithStart() throws Exception {
    try (TemporalTestServer temporal = TemporalTestServer.start();
        ConfigurableApplicationContext starter = startStarter(temporal);
        KeepAliveHttpPost sender = new KeepAliveHttpPost(
            ((WebServerApplicationContext) starter).getWebServer().getPort(), FailureEventServlet.PATH,
            "Content-Type: application/json", "Authorization: Bearer " + TOKEN)) {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
      WorkflowClient raw = WorkflowClient.newInstance(stubs);
      Delivery viaWebhook = event -> post(sender, body(event));
      // The ratio compares like with like: the starter's own WorkflowClient (its channel, options and, with the
      // actuator present, its Micrometer metrics), so the difference is exactly what the webhook adds on top.
      WorkflowClient starterClient = starter.getBean(WorkflowClient.class);
      Delivery viaSdk = event -> signalWithStart(starterClient, event);
      Delivery viaPlainSdk = event -> signalWithStart(raw, event);

      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        AtomicInteger round = new AtomicInteger();
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
          run(pool, temporal, viaWebhook, "w", round.incrementAndGet());
          run(pool, temporal, viaSdk, "r", round.incrementAndGet());
          run(pool, temporal, viaPlainSdk, "p", round.incrementAndGet());
        }
        List<Double> webhookRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Double> plainRates = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
          // Rotate which path goes first, so none always meets the server warmer or fuller.
          for (int k = 0; k < 3; k++) {
            switch ((i + k) % 3) {
              case 0 -> webhookRates.add(run(pool, temporal, viaWebhook, "w", round.incrementAndGet()));
              case 1 -> rawRates.add(run(pool, temporal, viaSdk, "r", round.incrementAndGet()));
              default -> plainRates.add(run(pool, temporal, viaPlainSdk, "p", round.incrementAndGet()));
            }
          }
        }
        report(webhookRates, rawRates, plainRates);
      } finally {
        pool.shutdownNow();
        stubs.shutdownNow();
      }
    }
  }

  private static ConfigurableApplicationContext startStarter(TemporalTestServer temporal) {
    return new SpringApplicationBuilder(StarterApplication.class).run(
        "--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0",
        "--spring.temporal.connection.target=" + temporal.target(),
        "--scim-playbook.webhook.bearer-token=" + TOKEN,
        // One INFO line per event would make the console the bottleneck and the output unreadable.
        "--logging.level.io.scimplaybook.starter.webhook.PlaybookStarter=WARN");
  }

  /** A blocking POST on the calling thread, as a webhook sender makes it; only a 202 counts as delivered. */
  private static void post(KeepAliveHttpPost sender, String body) throws IOException {
    KeepAliveHttpPost.Answer answer = sender.post(body.getBytes(StandardCharsets.UTF_8));
    if (answer.status() != 202) {
      throw new IllegalStateException("webhook answered " + answer.status() + ": " + answer.body());
    }
  }

  /** One round: every event of the mix through one path; returns events per second, after checking none was lost. */
  private static double run(ExecutorService pool, TemporalTestServer temporal, Delivery path, String tag, int round)
      throws Exception {
    List<ScimFailureEvent> events = mix(tag, round);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> clients = new ArrayList<>();
    java.util.Map<String, Long> threadsStart = threadCpu();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
          path.deliver(events.get(i));
        }
        return null;
      }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicrosPerEvent = (processCpuNanos() - cpuStart) / 1e3 / events.size();
    java.util.Map<String, Long> threadsEnd = threadCpu();
    java.util.Map<String, Long> groups = new java.util.TreeMap<>();
    long javaThreads = 0;
    for (var e : threadsEnd.entrySet()) {
      long d = e.getValue() - threadsStart.getOrDefault(e.getKey(), 0L);
      javaThreads += d;
      groups.merge(group(e.getKey()), d, Long::sum);
    }
    StringBuilder sb = new StringBuilder();
    groups.forEach((name, nanos) -> sb.append(String.format(Locale.ROOT, " %s %d", name, nanos / 1000 / events.size())));
    System.out.printf(Locale.ROOT, "  round %2d %-7s %7.1f events/s  CPU us/event: all %.0f, GC+JIT %d,%s%n", round,
        tag.equals("w") ? "webhook" : tag.equals("r") ? "raw" : "plain", events.size() / seconds, cpuMicrosPerEvent,
        ((processCpuNanos() - cpuStart) - javaThreads) / 1000 / events.size(), sb);
    for (int p = 0; p < PAIRS; p++) {
      String workflowId = PlaybookIds.workflowId(account(tag, round), source(p));
      assertThat(temporal.awaitReceived(workflowId, log -> log.failures().size() >= EVENTS_PER_PAIR).failures())
          .as(workflowId).hasSize(EVENTS_PER_PAIR);
    }
    // The test server's cost per call grows with its open workflows; closing each round's runs keeps rounds alike.
    for (int p = 0; p < PAIRS; p++) {
      temporal.client().newUntypedWorkflowStub(PlaybookIds.workflowId(account(tag, round), source(p)))
          .terminate("benchmark round done");
    }
    return events.size() / seconds;
  }

  /** Pair by pair in turn, so the repeats of one pair are spread across the clients and arrive concurrently. */
  private static List<ScimFailureEvent> mix(String tag, int round) {
    List<ScimFailureEvent> events = new ArrayList<>(PAIRS * EVENTS_PER_PAIR);
    Instant at = Instant.parse("2025-06-01T08:30:00Z");
    for (int r = 0; r < EVENTS_PER_PAIR; r++) {
      for (int p = 0; p < PAIRS; p++) {
        events.add(new ScimFailureEvent(account(tag, round), source(p), at.plusSeconds(r), "SCIM server returned 401",
            "story-" + p, ScimFailureEvent.ORIGIN_WEBHOOK));
      }
    }
    return events;
  }

  /** Cato account ids are digits (EventCheck): 9, the path's digit, the round. */
  private static String account(String tag, int round) {
    return "9" + (tag.equals("w") ? 1 : tag.equals("r") ? 2 : 3) + String.format(Locale.ROOT, "%04d", round);
  }

  private static String source(int pair) {
    return "src" + pair;
  }

  private static String body(ScimFailureEvent e) {
    return "{\"accountId\":\"" + e.accountId() + "\",\"sourceId\":\"" + e.sourceId() + "\",\"time\":\"" + e.time()
        + "\",\"reason\":\"" + e.reason() + "\",\"storyId\":\"" + e.storyId() + "\"}";
  }

  /** What any SDK client must do to deliver an event without losing it on the test server (see PlaybookStarter). */
  private static void signalWithStart(WorkflowClient client, ScimFailureEvent event) {
    String workflowId = PlaybookIds.workflowId(event.accountId(), event.sourceId());
    // The same options the product builds, so both paths start identical runs.
    WorkflowOptions options = PlaybookStartOptions.forEvent(event);
    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, options);
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(run::run, new PlaybookInput(event.accountId(), event.sourceId(), PlaybookOptions.defaults()));
    request.add(run::failureReported, event);
    try {
      client.signalWithStart(request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).failureReported(event);
    }
  }

  private static void report(List<Double> webhook, List<Double> raw, List<Double> plain) throws IOException {
    double w = median(webhook);
    double r = median(raw);
    double p = median(plain);
    String text = String.format(Locale.ROOT, "%nWebhook benchmark: %d clients, %d (account, source) pairs x %d events "
            + "per round, %d warm-up + %d measured rounds per path, %d cores%n"
            + "  webhook (HTTP + bearer auth -> signal-with-start): %8.1f events/s  rounds %s%n"
            + "  raw SDK signal-with-start (the starter's client):  %8.1f events/s  rounds %s%n"
            + "  ratio webhook / raw: %.2f (target >= 0.80)%n"
            + "  for reference, raw with a plain SDK client (no metrics): %.1f events/s  rounds %s (webhook / that: %.2f)%n",
        CLIENTS, PAIRS, EVENTS_PER_PAIR, WARMUP_ROUNDS, ROUNDS, Runtime.getRuntime().availableProcessors(),
        w, rounded(webhook), r, rounded(raw), w / r, p, rounded(plain), w / p);
    System.out.println(text);
    Path out = Path.of("target", "benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }

  /** Where the CPU of a round went, by the threads' roles. */
  private static String group(String thread) {
    if (thread.startsWith("http-nio")) {
      return "tomcat";
    }
    if (thread.startsWith("pool-")) {
      return "senders";
    }
    if (thread.startsWith("grpc-")) {
      return "grpc+test-server";
    }
    return thread.startsWith("Workflow ") || thread.startsWith("workflow-") ? "worker" : "other";
  }

  private static java.util.Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null) {
        long t = mx.getThreadCpuTime(info.getThreadId());
        if (t > 0) {
          out.put(info.getThreadName() + "#" + info.getThreadId(), t);
        }
      }
    }
    return out;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static List<Long> rounded(List<Double> values) {
    return values.stream().map(Math::round).toList();
  }
}
