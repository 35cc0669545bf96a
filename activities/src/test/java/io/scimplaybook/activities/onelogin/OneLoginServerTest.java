package io.scimplaybook.activities.onelogin;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.entra.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One MockWebServer plays a OneLogin account: its token endpoint and its /api/1 events. */
abstract class OneLoginServerTest {
  MockWebServer server;
  MutableClock clock;
  OneLoginClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));
    // A short read timeout so a row that never answers takes half a second, not the production 30.
    client = new OneLoginClient(settings(), new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build(), clock);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  OneLoginSettings settings() {
    return new OneLoginSettings(url(), OneLoginPayloads.CLIENT_ID, OneLoginPayloads.CLIENT_SECRET, null);
  }

  String url() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the mock server").isNotNull();
    return request;
  }
}
