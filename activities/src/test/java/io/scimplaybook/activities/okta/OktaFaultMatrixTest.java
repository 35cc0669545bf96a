package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.http.FaultExpectation.ends;
import static io.scimplaybook.activities.http.FaultExpectation.retried;
import static io.scimplaybook.activities.http.FaultExpectation.retriedAfter;
import static io.scimplaybook.activities.okta.OktaPayloads.ACCESS_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.API_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.PRIVATE_KEY_PEM;
import static io.scimplaybook.activities.okta.OktaPayloads.SCIM_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.accessToken;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.page;
import static io.scimplaybook.activities.okta.OktaPayloads.push;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.FaultExpectation;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ManualClaim;
import io.temporal.failure.ApplicationFailure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vendor fault matrix for Okta: the System Log (paged), the app user, the connections API and the service app's token
 * endpoint. Each fault is Okta's documented error payload (or a transport fault) on MockWebServer; each row says what
 * the port throws, whether Temporal retries it, after which delay, and that no secret is in the message: the error
 * bodies echo the API token, the access token and the SCIM token back, the way a careless gateway might.
 */
class OktaFaultMatrixTest extends OktaServerTest {
  static final AuditQuery WINDOW =
      new AuditQuery("4711", "77", Instant.parse("2025-05-01T08:00:00Z"), Instant.parse("2025-05-01T10:00:00Z"));
  /** A line from the middle of the key: a message quoting any part of the PEM would hold it. */
  static final String KEY_LINE = PRIVATE_KEY_PEM.lines().skip(5).findFirst().orElseThrow();

  enum Call { LOGS, APP_USER, SAVE_TOKEN, CLAIM }

  enum Auth { API_TOKEN, SERVICE_APP }

  record Fault(String name, Auth auth, Call call, Consumer<MockWebServer> script, FaultExpectation expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Okta's error shape with a summary that echoes credentials the call sent. */
  static MockResponse echoing(int status, String code, String... sent) {
    return jsonResponse(status, "{\"errorCode\":\"" + code + "\",\"errorSummary\":\"Refused " + String.join(" and ", sent)
        + "\",\"errorId\":\"oae9\",\"errorCauses\":[{\"errorSummary\":\"value " + sent[sent.length - 1] + "\"}]}");
  }

  static Consumer<MockWebServer> okta(MockResponse... answers) {
    return server -> {
      for (MockResponse answer : answers) {
        server.enqueue(answer);
      }
    };
  }

  static Consumer<MockWebServer> serviceApp(MockResponse... answers) {
    return server -> {
      server.enqueue(accessToken(3600));
      okta(answers).accept(server);
    };
  }

  static MockResponse linkedPage(MockWebServer server, String next) {
    return jsonResponse(200, page(push("2025-05-01T09:00:00.000Z", "FAILURE", "x"))).addHeader("Link", "<" + next + ">; rel=\"next\"");
  }

  static String reset(long secondsFromNow) {
    return String.valueOf(NOW.plusSeconds(secondsFromNow).getEpochSecond());
  }

  static Stream<Fault> faults() {
    MockResponse tooMany = jsonResponse(429, resource("okta-error-429.response.json"));
    return Stream.of(
        new Fault("429 E0000047 with Retry-After", Auth.API_TOKEN, Call.LOGS,
            okta(tooMany.clone().setHeader("Retry-After", "7")), retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(7))),
        new Fault("429 with only the X-Rate-Limit headers: wait for the reset", Auth.API_TOKEN, Call.LOGS,
            okta(tooMany.clone().setHeader("X-Rate-Limit-Limit", "60").setHeader("X-Rate-Limit-Remaining", "0")
                .setHeader("X-Rate-Limit-Reset", reset(42))),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(42))),
        new Fault("429 whose reset has passed by our clock: one second", Auth.API_TOKEN, Call.APP_USER,
            okta(tooMany.clone().setHeader("X-Rate-Limit-Reset", reset(-5))),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(1))),
        new Fault("429 with an unreadable reset", Auth.API_TOKEN, Call.LOGS,
            okta(tooMany.clone().setHeader("X-Rate-Limit-Reset", "soon")), retried(FailureTypes.RATE_LIMITED)),
        new Fault("429 without any header", Auth.API_TOKEN, Call.CLAIM, okta(tooMany.clone()), retried(FailureTypes.RATE_LIMITED)),
        new Fault("401 E0000011 (documented)", Auth.API_TOKEN, Call.LOGS,
            okta(jsonResponse(401, resource("okta-error-401.response.json"))), ends(FailureTypes.AUTHENTICATION)),
        new Fault("401 echoing the API token", Auth.API_TOKEN, Call.APP_USER, okta(echoing(401, "E0000011", API_TOKEN)),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("403 E0000006 (documented)", Auth.API_TOKEN, Call.LOGS,
            okta(jsonResponse(403, resource("okta-error-403.response.json"))), ends(FailureTypes.PERMISSION)),
        new Fault("404 E0000007 app user", Auth.API_TOKEN, Call.APP_USER, okta(echoing(404, "E0000007", API_TOKEN)),
            ends(FailureTypes.NOT_FOUND)),
        new Fault("400 E0000031 filter refused", Auth.API_TOKEN, Call.LOGS, okta(echoing(400, "E0000031", API_TOKEN)),
            ends(FailureTypes.INVALID_REQUEST)),
        new Fault("500 echoing", Auth.API_TOKEN, Call.LOGS, okta(echoing(500, "E0000009", API_TOKEN)), retried(FailureTypes.UNAVAILABLE)),
        new Fault("503 HTML with Retry-After", Auth.API_TOKEN, Call.CLAIM,
            okta(jsonResponse(503, "<html>Service Unavailable</html>").setHeader("Retry-After", "3")),
            retriedAfter(FailureTypes.UNAVAILABLE, Duration.ofSeconds(3))),
        new Fault("timeout", Auth.API_TOKEN, Call.LOGS, okta(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("malformed JSON in a 200", Auth.API_TOKEN, Call.LOGS,
            okta(jsonResponse(200, "[{\"eventType\":\"application.provision.user.push\",\"outcome\":{\"res")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("a 200 that is not a list of events", Auth.API_TOKEN, Call.LOGS,
            okta(jsonResponse(200, resource("okta-error-403.response.json"))), retried(FailureTypes.UNAVAILABLE)),
        new Fault("malformed app user in a 200", Auth.API_TOKEN, Call.APP_USER, okta(jsonResponse(200, "{\"id\":\"00u")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: page 2 answers 429", Auth.API_TOKEN, Call.LOGS,
            server -> {
              server.enqueue(linkedPage(server, server.url("/api/v1/logs?after=2").toString()));
              server.enqueue(tooMany.clone().setHeader("X-Rate-Limit-Reset", reset(30)));
            },
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(30))),
        new Fault("partial page: page 2 cut short", Auth.API_TOKEN, Call.LOGS,
            server -> {
              server.enqueue(linkedPage(server, server.url("/api/v1/logs?after=2").toString()));
              server.enqueue(jsonResponse(200, "[{\"uuid\":\"1\",\"publ"));
            },
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: next link to another host", Auth.API_TOKEN, Call.LOGS,
            okta(jsonResponse(200, page(push("2025-05-01T09:00:00.000Z", "FAILURE", "x")))
                .addHeader("Link", "<https://evil.example.com/api/v1/logs?after=2>; rel=\"next\"")),
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("partial page: more pages than the bound", Auth.API_TOKEN, Call.LOGS,
            server -> {
              for (int i = 0; i < OktaClient.MAX_PAGES; i++) {
                server.enqueue(linkedPage(server, server.url("/api/v1/logs?after=" + i).toString()));
              }
            },
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("connection save 400 echoing the SCIM token", Auth.API_TOKEN, Call.SAVE_TOKEN, okta(echoing(400, "E0000001", API_TOKEN, SCIM_TOKEN)),
            ends(FailureTypes.INVALID_REQUEST)),
        new Fault("connection save 429 with Retry-After", Auth.API_TOKEN, Call.SAVE_TOKEN,
            okta(tooMany.clone().setHeader("Retry-After", "2")), retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(2))),
        new Fault("connection save timeout", Auth.API_TOKEN, Call.SAVE_TOKEN,
            okta(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)), retried(FailureTypes.UNAVAILABLE)),
        new Fault("service app: 401 on a fresh access token", Auth.SERVICE_APP, Call.LOGS,
            serviceApp(echoing(401, "E0000011", ACCESS_TOKEN)), ends(FailureTypes.AUTHENTICATION)),
        new Fault("service app: 403 missing scope", Auth.SERVICE_APP, Call.SAVE_TOKEN,
            serviceApp(jsonResponse(403, resource("okta-error-403.response.json"))), ends(FailureTypes.PERMISSION)),
        new Fault("token endpoint 401 invalid_client echoing the assertion", Auth.SERVICE_APP, Call.LOGS,
            server -> server.setDispatcher(new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest request) {
                String form = URLDecoder.decode(request.getBody().readUtf8(), StandardCharsets.UTF_8);
                return jsonResponse(401, "{\"error\":\"invalid_client\",\"error_description\":\"The client_assertion "
                    + form.replace("\"", "") + " is not valid\"}");
              }
            }),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("token endpoint 400 invalid_scope", Auth.SERVICE_APP, Call.LOGS,
            okta(jsonResponse(400, "{\"error\":\"invalid_scope\",\"error_description\":\"The following scopes are not"
                + " allowed: okta.apps.manage\"}")),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("token endpoint 429 with X-Rate-Limit-Reset", Auth.SERVICE_APP, Call.LOGS,
            okta(jsonResponse(429, "{\"error\":\"too_many_requests\"}").setHeader("X-Rate-Limit-Reset", reset(20))),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(20))),
        new Fault("token endpoint 503", Auth.SERVICE_APP, Call.LOGS, okta(jsonResponse(503, "")), retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint malformed JSON in a 200", Auth.SERVICE_APP, Call.LOGS,
            okta(jsonResponse(200, "{\"token_type\":\"Bearer\",\"access_token\":\"" + ACCESS_TOKEN)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint 200 without access_token", Auth.SERVICE_APP, Call.LOGS,
            okta(jsonResponse(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}")), retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint timeout", Auth.SERVICE_APP, Call.LOGS,
            okta(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)), retried(FailureTypes.UNAVAILABLE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsRetriedWithItsDelayOrEndsTheStepClearly(Fault fault) {
    fault.script().accept(server);
    OktaOrgSettings settings = fault.auth() == Auth.API_TOKEN
        ? OktaPayloads.apiTokenSettings(server) : OktaPayloads.serviceAppSettings(server);
    // A short read timeout so the timeout rows take half a second, not the production 30.
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    OktaIdpPort port = new OktaIdpPort(List.of(settings), http, clock, new PushPolling(Duration.ZERO, 1, d -> {}));
    var source = OktaPortFixture.source(server);

    ApplicationFailure failure = catchThrowableOfType(() -> {
      switch (fault.call()) {
        case LOGS -> port.provisioningFailures(source, WINDOW);
        case APP_USER -> port.provisionNow(source);
        case SAVE_TOKEN -> port.saveToken(source, "https://scim.example/scim/v2/4711/77", SCIM_TOKEN);
        case CLAIM -> port.checkClaim(source, ManualClaim.TOKEN_INSTALLED, WINDOW.from());
      }
    }, ApplicationFailure.class);

    fault.expected().assertMatches(failure, API_TOKEN, ACCESS_TOKEN, SCIM_TOKEN, KEY_LINE, "eyJ");
    assertThat(failure.getOriginalMessage()).startsWith(fault.name().startsWith("token endpoint") ? "Okta token endpoint: " : "Okta: ");
  }
}
