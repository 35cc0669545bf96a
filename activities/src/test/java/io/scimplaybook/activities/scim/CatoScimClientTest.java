package io.scimplaybook.activities.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatoScimClientTest {
  static final String TOKEN = "cato-scim-token-9a8b7c6d5e4f";

  MockWebServer server;
  CatoScimClient client;
  String base;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new CatoScimClient(new OkHttpClient(), Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC));
    base = server.url("/scim/v2").toString();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  static MockResponse scimError(int status, String scimType, String detail) {
    String type = scimType == null ? "" : ",\"scimType\":\"" + scimType + "\"";
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/scim+json")
        .setBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status + "\"" + type
            + ",\"detail\":\"" + detail + "\"}");
  }

  @Test
  void acceptedWhenOneUserCanBeListed() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/scim+json")
        .setBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":12,"
            + "\"itemsPerPage\":1,\"startIndex\":1,\"Resources\":[]}"));

    ScimTokenCheck check = client.tokenAccepted(base, "4711", "90210", TOKEN);

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/scim/v2/4711/90210/Users");
    assertThat(request.getRequestUrl().queryParameterNames()).containsExactly("count");
    assertThat(request.getRequestUrl().queryParameter("count")).isEqualTo("1");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(check).isEqualTo(new ScimTokenCheck(true, 200, null, null));
  }

  @Test
  void a401IsARefusalWithCatosDetailNotAnException() {
    server.enqueue(scimError(401, null, "Invalid credentials"));

    ScimTokenCheck check = client.tokenAccepted(base, "4711", "90210", TOKEN);

    assertThat(check).isEqualTo(new ScimTokenCheck(false, 401, null, "Invalid credentials"));
    assertThat(check.summary()).isEqualTo("Cato SCIM refused the token (401): Invalid credentials");
  }

  @Test
  void a403IsARefusalTooAndAnEchoedTokenIsRedacted() {
    server.enqueue(scimError(403, "invalidToken", "token " + TOKEN + " belongs to another source"));

    ScimTokenCheck check = client.tokenAccepted(base, "4711", "90210", TOKEN);

    assertThat(check.accepted()).isFalse();
    assertThat(check.scimType()).isEqualTo("invalidToken");
    assertThat(check.detail()).isEqualTo("token [redacted] belongs to another source");
  }

  @Test
  void a404MeansTheAccountOrSourceInTheUrlIsWrong() {
    server.enqueue(scimError(404, null, "Resource not found"));

    ApiCallException e =
        catchThrowableOfType(() -> client.tokenAccepted(base, "4711", "bad-source", TOKEN), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.getMessage()).contains("/scim/v2/4711/bad-source/Users", "404", "Resource not found", "source id");
  }

  @Test
  void throttlingAndServerErrorsAreRetryable() {
    server.enqueue(scimError(429, null, "Too many requests").setHeader("Retry-After", "7"));
    server.enqueue(scimError(500, null, "Internal Server Error " + TOKEN));

    ApiCallException throttled =
        catchThrowableOfType(() -> client.tokenAccepted(base, "4711", "90210", TOKEN), ApiCallException.class);
    ApiCallException broken =
        catchThrowableOfType(() -> client.tokenAccepted(base, "4711", "90210", TOKEN), ApiCallException.class);

    assertThat(throttled.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(broken.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(broken.getMessage()).contains("Internal Server Error").doesNotContain(TOKEN);
  }

  @Test
  void aDroppedConnectionIsRetryable() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    ApiCallException e =
        catchThrowableOfType(() -> client.tokenAccepted(base, "4711", "90210", TOKEN), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }

  @Test
  void tenantUrlJoinsBaseAccountAndSource() {
    assertThat(CatoScimClient.tenantUrl(null, "4711", "90210"))
        .isEqualTo("https://scimservice.catonetworks.com:4443/scim/v2/4711/90210");
    assertThat(CatoScimClient.tenantUrl("http://127.0.0.1:9000/scim/v2/", "4711", "90210"))
        .isEqualTo("http://127.0.0.1:9000/scim/v2/4711/90210");
  }
}
