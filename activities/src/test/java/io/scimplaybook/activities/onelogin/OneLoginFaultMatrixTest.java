package io.scimplaybook.activities.onelogin;

import static io.scimplaybook.activities.http.FaultExpectation.ends;
import static io.scimplaybook.activities.http.FaultExpectation.retried;
import static io.scimplaybook.activities.http.FaultExpectation.retriedAfter;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.ACCESS_TOKEN;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.APP_ID;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.CLIENT_SECRET;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.json;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.resource;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.token;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.FaultExpectation;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vendor fault matrix for OneLogin: its token endpoint, the event types and the paged events behind the port's reads.
 * Each row says what the port throws, whether Temporal retries it, after which delay, and that no secret is in it.
 */
class OneLoginFaultMatrixTest extends OneLoginServerTest {
  static final AuditQuery WINDOW =
      new AuditQuery("4711", "90210", Instant.parse("2025-05-01T08:00:00Z"), Instant.parse("2025-05-01T10:00:00Z"));

  private OneLoginIdpPort port;
  private SourceProfile source;

  @BeforeEach
  void port() {
    port = new OneLoginIdpPort(List.of(settings()), OneLoginEventRules.defaults(), null, clock, account -> client);
    source = new SourceProfile("4711", "90210", Idp.ONELOGIN, "Acme OneLogin", null, null, null, null,
        new OneLoginTarget(url(), APP_ID, "4711", "jane@example.com"), null, null);
  }

  enum Call { CONFIG_CHANGES, PROVISIONING_FAILURES, LATEST_CYCLE }

  record Fault(String name, Call call, Consumer<MockWebServer> script, FaultExpectation expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An error that echoes our own credentials back, as some gateways do. */
  static MockResponse echoing(int status) {
    return json(status, "{\"status\":{\"error\":true,\"code\":" + status + ",\"type\":\"error\",\"message\":\"token "
        + ACCESS_TOKEN + " secret " + CLIENT_SECRET + " refused\"}}");
  }

  /** Token and types answer; then the events call gets these answers. */
  static Consumer<MockWebServer> events(MockResponse... answers) {
    return server -> {
      server.enqueue(token());
      server.enqueue(types());
      for (MockResponse answer : answers) {
        server.enqueue(answer);
      }
    };
  }

  static String pageWithCursor(String cursor) {
    return "{\"status\":{\"error\":false,\"code\":200},\"pagination\":{\"after_cursor\":\"" + cursor + "\"},"
        + "\"data\":[{\"id\":1,\"event_type_id\":64,\"app_id\":" + APP_ID + ",\"created_at\":\"2025-05-01T09:00:00Z\"}]}";
  }

  static Stream<Fault> faults() {
    return Stream.of(
        new Fault("events 429 with Retry-After", Call.PROVISIONING_FAILURES,
            events(json(429, "{}").setHeader("Retry-After", "7")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(7))),
        new Fault("events 429 with X-RateLimit-Reset only", Call.PROVISIONING_FAILURES,
            events(json(429, "{}").setHeader("X-RateLimit-Remaining", "0").setHeader("X-RateLimit-Reset", "120")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(120))),
        new Fault("events 429 without headers", Call.CONFIG_CHANGES, events(json(429, "")),
            retried(FailureTypes.RATE_LIMITED)),
        new Fault("events 500 echoing credentials", Call.CONFIG_CHANGES, events(echoing(500)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("events 503 HTML", Call.LATEST_CYCLE, events(json(503, "<html>Service Unavailable</html>")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("events 401 again after a new token (documented)", Call.PROVISIONING_FAILURES,
            events(json(401, resource("error-401.response.json")), token(), json(401, resource("error-401.response.json"))),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("events 403 echoing credentials", Call.CONFIG_CHANGES, events(echoing(403)),
            ends(FailureTypes.PERMISSION)),
        new Fault("events 400 (documented)", Call.CONFIG_CHANGES, events(json(400, resource("error-400.response.json"))),
            ends(FailureTypes.INVALID_REQUEST)),
        new Fault("events timeout", Call.LATEST_CYCLE,
            events(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)), retried(FailureTypes.UNAVAILABLE)),
        new Fault("events malformed JSON in a 200", Call.PROVISIONING_FAILURES,
            events(json(200, "{\"status\":{\"error\":false},\"data\":[{\"id\":1,")), retried(FailureTypes.UNAVAILABLE)),
        new Fault("event types malformed JSON in a 200", Call.PROVISIONING_FAILURES,
            server -> {
              server.enqueue(token());
              server.enqueue(json(200, "{\"data\":[{\"name\":\"APP_"));
            },
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint 401 (documented)", Call.CONFIG_CHANGES,
            server -> server.enqueue(json(401, resource("error-401.response.json"))), ends(FailureTypes.AUTHENTICATION)),
        new Fault("token endpoint 400 echoing the secret", Call.CONFIG_CHANGES,
            server -> server.enqueue(json(400, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret "
                + CLIENT_SECRET + "\"}")),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("token endpoint 429 with Retry-After", Call.CONFIG_CHANGES,
            server -> server.enqueue(json(429, "{}").setHeader("Retry-After", "3")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(3))),
        new Fault("token endpoint 500 (credential owner deleted)", Call.CONFIG_CHANGES,
            server -> server.enqueue(json(500, "")), retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint malformed JSON in a 200", Call.CONFIG_CHANGES,
            server -> server.enqueue(json(200, "{\"access_token\":\"" + ACCESS_TOKEN)), retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint timeout", Call.CONFIG_CHANGES,
            server -> server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: page 2 answers 429", Call.PROVISIONING_FAILURES,
            events(json(200, pageWithCursor("c1")), json(429, "{}").setHeader("Retry-After", "5")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(5))),
        new Fault("partial page: page 2 cut short", Call.PROVISIONING_FAILURES,
            events(json(200, pageWithCursor("c1")), json(200, "{\"data\":[{\"id\":2,\"event_")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: cursor points back", Call.PROVISIONING_FAILURES,
            events(json(200, pageWithCursor("c1")), json(200, pageWithCursor("c1"))),
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("partial page: more pages than the bound", Call.PROVISIONING_FAILURES,
            server -> {
              server.enqueue(token());
              server.enqueue(types());
              for (int i = 0; i < OneLoginClient.MAX_PAGES; i++) {
                server.enqueue(json(200, pageWithCursor("c" + i)));
              }
            },
            ends(FailureTypes.INCOMPLETE_READ)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsRetriedWithItsDelayOrEndsTheStepClearly(Fault fault) {
    fault.script().accept(server);

    ApplicationFailure failure = catchThrowableOfType(() -> {
      switch (fault.call()) {
        case CONFIG_CHANGES -> port.configChanges(source, WINDOW);
        case PROVISIONING_FAILURES -> port.provisioningFailures(source, WINDOW);
        case LATEST_CYCLE -> port.latestCycle(source);
      }
    }, ApplicationFailure.class);

    fault.expected().assertMatches(failure, CLIENT_SECRET, ACCESS_TOKEN);
    assertThat(failure.getOriginalMessage())
        .startsWith(fault.name().startsWith("token") ? "OneLogin token endpoint" : "OneLogin API");
  }
}
