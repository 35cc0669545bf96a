package io.scimplaybook.activities.scim;

import static io.scimplaybook.activities.http.FaultExpectation.ends;
import static io.scimplaybook.activities.http.FaultExpectation.retried;
import static io.scimplaybook.activities.http.FaultExpectation.retriedAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.FaultExpectation;
import io.scimplaybook.api.activities.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vendor fault matrix for Cato's SCIM service, where a rotated token is checked. A 401/403 is the answer "refused",
 * not a fault; everything else is retried (with Cato's Retry-After) or ends the check, with the token never in the
 * message. The failure is read as the rotation activity throws it ({@link ActivityFailures#call}).
 */
class CatoScimFaultMatrixTest {
  static final String TOKEN = "cato-scim-token-1f2e3d4c5b6a";

  private MockWebServer server;
  private CatoScimClient client;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    client = new CatoScimClient(http, Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC));
    base = server.url("/scim/v2").toString();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  record Fault(String name, MockResponse answer, FaultExpectation expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** RFC 7644 §3.12 error, with a detail that echoes the token back. */
  static MockResponse scimError(int status) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/scim+json")
        .setBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
            + "\",\"detail\":\"request with Bearer " + TOKEN + " failed\"}");
  }

  static Stream<Fault> faults() {
    return Stream.of(
        new Fault("429 with Retry-After", scimError(429).setHeader("Retry-After", "9"),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(9))),
        new Fault("429 without Retry-After", scimError(429), retried(FailureTypes.RATE_LIMITED)),
        new Fault("500 Internal Server Error", scimError(500), retried(FailureTypes.UNAVAILABLE)),
        new Fault("503 from a gateway", new MockResponse().setResponseCode(503).setBody("<html>busy</html>"),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("404 wrong tenant URL", scimError(404), ends(FailureTypes.NOT_FOUND)),
        new Fault("400 invalid request", scimError(400), ends(FailureTypes.INVALID_REQUEST)),
        new Fault("timeout", new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("a 200 that is not SCIM JSON",
            new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/html").setBody("<html>sign in</html>"),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("a 200 cut short",
            new MockResponse().setResponseCode(200).setBody("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Li"),
            retried(FailureTypes.UNAVAILABLE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsRetriedWithItsDelayOrEndsTheCheck(Fault fault) {
    server.enqueue(fault.answer());

    ApplicationFailure failure = catchThrowableOfType(
        () -> ActivityFailures.call(() -> client.tokenAccepted(base, "4711", "90210", TOKEN)), ApplicationFailure.class);

    fault.expected().assertMatches(failure, TOKEN);
    assertThat(failure.getOriginalMessage()).startsWith("Cato SCIM");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void aRefusedTokenIsAnAnswerNotAFault(int status) {
    server.enqueue(scimError(status));

    ScimTokenCheck check = client.tokenAccepted(base, "4711", "90210", TOKEN);

    assertThat(check.accepted()).isFalse();
    assertThat(check.status()).isEqualTo(status);
    assertThat(String.valueOf(check.detail())).doesNotContain(TOKEN);
  }

  @org.junit.jupiter.api.Test
  void noSecondRequestIsMadeForAFault() {
    server.enqueue(scimError(503));
    catchThrowableOfType(() -> client.tokenAccepted(base, "4711", "90210", TOKEN), ApiCallException.class);
    // Retrying is Temporal's job (with its backoff and the activity's attempts), never a hidden loop in the client.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
