package io.scimplaybook.activities.feed;

import static io.scimplaybook.activities.http.FaultExpectation.ends;
import static io.scimplaybook.activities.http.FaultExpectation.retried;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.cato.CatoApiSettings;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.http.FaultExpectation;
import io.scimplaybook.api.activities.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vendor fault matrix for the poller's eventsFeed fetch. Every rate limit, however Cato says it (429, a GraphQL error,
 * an account's errorString), is the non-retryable CatoRateLimited: the poller backs off on its own clock and keeps
 * its marker. Everything else is retried a few times or ends the fetch; a page that fails never moves the marker,
 * because the activity returns no page at all.
 */
class EventsFeedFaultMatrixTest {
  static final String API_KEY = "cato-feed-key-5c4b3a291817";

  private MockWebServer cato;
  private EventsFeedActivitiesImpl activities;

  @BeforeEach
  void start() throws IOException {
    cato = new MockWebServer();
    cato.start();
    CatoGraphqlClient client = new CatoGraphqlClient(
        new CatoApiSettings(cato.url("/api/v1/graphql2").toString(), API_KEY, Duration.ofSeconds(1)),
        new OkHttpClient());
    // Fetching needs no delivery: the fetch side of the activities is under test.
    activities = new EventsFeedActivitiesImpl(client, (io.scimplaybook.activities.source.AttributedDelivery) null, 3);
  }

  @AfterEach
  void stop() throws IOException {
    cato.shutdown();
  }

  record Fault(String name, MockResponse answer, FaultExpectation expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static Stream<Fault> faults() {
    return Stream.of(
        new Fault("HTTP 429 with Retry-After", json(429, "").setHeader("Retry-After", "30"),
            new FaultExpectation(FailureTypes.CATO_RATE_LIMITED, false, Duration.ofSeconds(30))),
        new Fault("HTTP 429 without Retry-After", json(429, ""), ends(FailureTypes.CATO_RATE_LIMITED)),
        new Fault("rate-limit GraphQL error in a 200",
            json(200, "{\"data\":null,\"errors\":[{\"message\":\"rate limit for operation: eventsFeed exceeded\"}]}"),
            ends(FailureTypes.CATO_RATE_LIMITED)),
        new Fault("rate limit in the account's errorString",
            json(200, "{\"data\":{\"eventsFeed\":{\"marker\":\"m2\",\"fetchedCount\":0,\"accounts\":[{\"id\":\"12345\","
                + "\"errorString\":\"Too many requests for account 12345, rate limit\",\"records\":[]}]}}}"),
            ends(FailureTypes.CATO_RATE_LIMITED)),
        new Fault("HTTP 503", json(503, "<html>Service Unavailable</html>"), retried(FailureTypes.UNAVAILABLE)),
        new Fault("HTTP 401 echoing the key", json(401, "{\"errors\":[{\"message\":\"bad key " + API_KEY + "\"}]}"),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("HTTP 403", json(403, ""), ends(FailureTypes.PERMISSION)),
        new Fault("feed not enabled (GraphQL error in a 200)",
            json(200, "{\"data\":null,\"errors\":[{\"message\":\"Events feed is not enabled for this account\"}]}"),
            ends(FailureTypes.INVALID_REQUEST)),
        new Fault("timeout", new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: the page cut short",
            json(200, "{\"data\":{\"eventsFeed\":{\"marker\":\"m2\",\"fetchedCount\":3,\"accounts\":[{\"id\":\"123"),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("a 200 without the eventsFeed object", json(200, "{\"data\":{}}"), retried(FailureTypes.UNAVAILABLE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultKeepsTheMarkerAndIsRetriedOrBackedOffOrEndsTheFetch(Fault fault) {
    cato.enqueue(fault.answer());

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.fetchFailures("12345", "m1"), ApplicationFailure.class);

    fault.expected().assertMatches(failure, API_KEY);
  }
}
