package io.scimplaybook.activities.cato;

import static io.scimplaybook.activities.cato.CatoFixtures.API_KEY;
import static io.scimplaybook.activities.cato.CatoFixtures.fixture;
import static io.scimplaybook.activities.cato.CatoFixtures.graphqlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.pacing.RecordingPacer;
import io.scimplaybook.api.pacing.PaceKey;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which Cato limit each query counts against, and Cato's rate-limit answer (HTTP 200 with errors) pausing it. */
class CatoPacingTest {
  private static final String TIME_FRAME = "utc.2026-11-29/{06:00:00--08:00:00}";

  private final RecordingPacer pacer = new RecordingPacer();
  private MockWebServer server;
  private CatoGraphqlClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new CatoGraphqlClient(
        new CatoApiSettings(server.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(5)),
        new OkHttpClient.Builder().addInterceptor(pacer.interceptor()).build());
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void eachQueryCountsAgainstItsAccountAndRootField() {
    server.enqueue(fixture("events.response.json"));
    server.enqueue(fixture("eventsFeed.response.json"));
    server.enqueue(fixture("auditFeed.response.test-fixture.json"));
    server.enqueue(fixture("story.response.json"));

    client.failedScimEvents("12345", TIME_FRAME);
    client.scimFailureFeed("12345", null);
    client.domainAuditFeed("12345", TIME_FRAME);
    client.story("12345", "story-1");

    assertThat(pacer.turns).containsExactly(
        new PaceKey("cato", "12345", "events"),
        new PaceKey("cato", "12345", "eventsFeed"),
        new PaceKey("cato", "12345", "auditFeed"),
        new PaceKey("cato", "12345", "xdr"));
    assertThat(pacer.pauses).isEmpty();
  }

  @Test
  void aRateLimitErrorInsideA200PausesTheQueryForItsWholeWindow() {
    server.enqueue(graphqlError("rate limit exceeded for auditFeed, try again later"));

    ApiCallException failure =
        catchThrowableOfType(ApiCallException.class, () -> client.domainAuditFeed("12345", TIME_FRAME));

    assertThat(failure.kind()).isEqualTo(ApiCallException.Kind.RATE_LIMITED);
    assertThat(pacer.pauses).hasSize(1);
    RecordingPacer.Pause pause = pacer.pauses.get(0);
    {
      assertThat(pause.key()).isEqualTo(new PaceKey("cato", "12345", "auditFeed"));
      // Cato names no Retry-After; its limits are per minute.
      assertThat(pause.duration()).isEqualTo(Duration.ofMinutes(1));
      assertThat(pause.reason()).isEqualTo("HTTP 200, for 60000 ms").doesNotContain(API_KEY);
    }
  }

  @Test
  void otherGraphqlErrorsPauseNothing() {
    server.enqueue(graphqlError("permission denied for this API key"));

    catchThrowableOfType(ApiCallException.class, () -> client.failedScimEvents("12345", TIME_FRAME));

    assertThat(pacer.pauses).isEmpty();
  }
}
