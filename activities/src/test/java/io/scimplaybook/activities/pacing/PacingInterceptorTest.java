package io.scimplaybook.activities.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.pacing.PaceKey;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interceptor on one JVM's pacer, in wall time (short limits, so each test takes about a second). */
class PacingInterceptorTest {
  private static final PaceKey KEY = new PaceKey(PaceKey.CATO, "12345", "auditFeed");

  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final List<MockResponse> scripted = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(System.nanoTime() / 1_000_000);
        return scripted.isEmpty() ? new MockResponse().setBody("{}") : scripted.remove(0);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private OkHttpClient client(PaceLimit auditFeed, Duration callTimeout) throws IOException {
    PaceLimitTable limits = new PaceLimitTable(Map.of(PaceLimitTable.CATO_AUDIT_FEED, auditFeed), Duration.ZERO);
    OkHttpClient client = new OkHttpClient.Builder()
        .callTimeout(callTimeout)
        .addInterceptor(new PacingInterceptor(new LocalPacer(Duration.ZERO, Clock.systemUTC()), limits,
            Clock.systemUTC()))
        .build();
    // A cold first exchange (class loading, the first connection) lands hundreds of ms after its slot and would make
    // the next gap look short: the spacing is of slots, and this test measures it at the server.
    call(client.newBuilder().callTimeout(Duration.ZERO).build(), null);
    arrivals.clear();
    return client;
  }

  private int call(OkHttpClient client, PaceKey key) throws IOException {
    Request.Builder request = new Request.Builder().url(server.url("/api/v1/graphql2"));
    if (key != null) {
      request.tag(PaceKey.class, key);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  private List<Long> gaps() {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < arrivals.size(); i++) {
      gaps.add(arrivals.get(i) - arrivals.get(i - 1));
    }
    return gaps;
  }

  @Test
  void requestsUnderOneKeyArriveNoCloserThanTheInterval() throws IOException {
    OkHttpClient client = client(new PaceLimit(10, Duration.ofSeconds(1), 1), Duration.ofSeconds(5));

    for (int i = 0; i < 6; i++) {
      assertThat(call(client, KEY)).isEqualTo(200);
    }

    // 10 a second, no burst: slots 100 ms apart. Arrivals jitter by what a loaded machine adds between a slot and the
    // server's socket (docs/pacing.md, "margin"), so the bound is on the span, with one interval's slack per gap.
    assertThat(gaps()).hasSize(5).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(50));
    assertThat(arrivals.get(5) - arrivals.get(0)).isGreaterThanOrEqualTo(450);
  }

  @Test
  void untaggedAndUnconfiguredRequestsAreNotPaced() throws IOException {
    OkHttpClient client = client(new PaceLimit(1, Duration.ofSeconds(10), 1), Duration.ofSeconds(5));
    long begin = System.nanoTime();

    call(client, null);
    call(client, null);
    call(client, new PaceKey(PaceKey.GRAPH, "tenant", "other"));
    call(client, new PaceKey(PaceKey.GRAPH, "tenant", "other"));

    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
  }

  /** Without suspending OkHttp's call timeout during the wait, the second call fails with "timeout" after 300 ms. */
  @Test
  void waitingForASlotDoesNotCountAgainstTheCallTimeout() throws IOException {
    OkHttpClient client = client(new PaceLimit(1, Duration.ofSeconds(1), 1), Duration.ofMillis(300));

    assertThat(call(client, KEY)).isEqualTo(200);
    assertThat(call(client, KEY)).isEqualTo(200);

    assertThat(gaps()).singleElement().satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(700));
  }

  @Test
  void a429sRetryAfterHoldsTheNextCallerOfTheKey() throws IOException {
    OkHttpClient client = client(new PaceLimit(100, Duration.ofSeconds(1), 1), Duration.ofSeconds(5));
    scripted.add(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));

    assertThat(call(client, KEY)).isEqualTo(429);
    assertThat(call(client, KEY)).isEqualTo(200);

    // 100 a second would allow the next after 10 ms; the Retry-After says a second.
    assertThat(gaps()).singleElement().satisfies(gap -> assertThat(gap).isGreaterThanOrEqualTo(900));
  }
}
