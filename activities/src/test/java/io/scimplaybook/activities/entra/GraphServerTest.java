package io.scimplaybook.activities.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One MockWebServer plays both the Entra token endpoint (/login) and Graph (/v1.0). */
abstract class GraphServerTest {
  static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.graph-access-token";
  static final String SP_ID = "b5e2f0c4-7d3a-4f6e-9a1b-2c3d4e5f6a7b";
  static final String JOB_ID = "scim.b5e2f0c47d3a4f6e9a1b2c3d4e5f6a7b.catonetworks";

  MockWebServer server;
  MutableClock clock;
  EntraGraphClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));
    client = new EntraGraphClient(GraphPayloads.settings(server), new OkHttpClient(), clock);
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

  /** Takes the token request and checks it is one. */
  RecordedRequest takeTokenRequest() throws InterruptedException {
    RecordedRequest request = take();
    assertThat(request.getPath()).isEqualTo("/login/" + GraphPayloads.TENANT + "/oauth2/v2.0/token");
    return request;
  }

  void enqueueToken() {
    server.enqueue(GraphPayloads.token(ACCESS_TOKEN, 3599));
  }
}
