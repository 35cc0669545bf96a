package io.scimplaybook.activities.okta;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.entra.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One MockWebServer plays the Okta org: its Management API and, for service apps, its token endpoint. */
abstract class OktaServerTest {
  static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");

  MockWebServer server;
  MutableClock clock;
  OktaClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    clock = new MutableClock(NOW);
    client = new OktaClient(OktaPayloads.apiTokenSettings(server), new OkHttpClient(), clock);
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the mock server").isNotNull();
    return request;
  }
}
