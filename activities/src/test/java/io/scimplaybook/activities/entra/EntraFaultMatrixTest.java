package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.CLIENT_SECRET;
import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static io.scimplaybook.activities.http.FaultExpectation.ends;
import static io.scimplaybook.activities.http.FaultExpectation.retried;
import static io.scimplaybook.activities.http.FaultExpectation.retriedAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.http.FaultExpectation;
import io.scimplaybook.activities.idp.IdpActivitiesImpl;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vendor fault matrix for Entra ID: Microsoft Graph (the job read, the paged audit and provisioning logs) and the
 * OAuth token endpoint in front of it. Each fault is a documented error payload on MockWebServer; each row says what
 * the activity throws, whether Temporal retries it, after which delay, and that no secret is in the message.
 */
class EntraFaultMatrixTest extends GraphServerTest {
  static final SourceProfile SOURCE = new SourceProfile("4711", "90210", Idp.ENTRA_ID, "Contoso Entra", null,
      new EntraTarget(SP_ID, JOB_ID, "rule", "probe", "probe@contoso.com"));
  static final AuditQuery WINDOW =
      new AuditQuery("4711", "90210", Instant.parse("2025-05-01T08:00:00Z"), Instant.parse("2025-05-01T10:00:00Z"));

  private IdpActivities activities;

  @BeforeEach
  void activities() {
    // A short read timeout so the timeout row takes half a second, not the production 30.
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(500)).build();
    client = new EntraGraphClient(GraphPayloads.settings(server), http, clock);
    activities = new IdpActivitiesImpl(List.of(new EntraIdpPort(client)));
  }

  enum Call { JOB, DIRECTORY_AUDITS, PROVISIONING_LOG }

  record Fault(String name, Call call, Consumer<MockWebServer> script, FaultExpectation expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static MockResponse token() {
    return GraphPayloads.token(ACCESS_TOKEN, 3599);
  }

  /** A Graph error the way Graph writes one, with a message that echoes our own credentials back. */
  static MockResponse echoing(int status, String code) {
    return jsonResponse(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Access token " + ACCESS_TOKEN
        + " for client secret " + CLIENT_SECRET + " was refused\",\"innerError\":{\"request-id\":\"r-1\"}}}");
  }

  static Consumer<MockWebServer> graph(MockResponse... answers) {
    return server -> {
      server.enqueue(token());
      for (MockResponse answer : answers) {
        server.enqueue(answer);
      }
    };
  }

  static String auditPage(String nextLink) {
    return "{\"value\":[{\"id\":\"a-1\",\"activityDateTime\":\"2025-05-01T09:00:00Z\",\"category\":"
        + "\"ApplicationManagement\",\"activityDisplayName\":\"Update service principal\",\"targetResources\":[{\"id\":\""
        + SP_ID + "\",\"type\":\"ServicePrincipal\"}]}]" + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"") + "}";
  }

  static Stream<Fault> faults() {
    String sameHost = "NEXT";
    return Stream.of(
        new Fault("Graph 429 with Retry-After", Call.JOB,
            graph(jsonResponse(429, resource("graph-error-429.response.json")).setHeader("Retry-After", "7")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(7))),
        new Fault("Graph 429 without Retry-After", Call.JOB,
            graph(jsonResponse(429, resource("graph-error-429.response.json"))), retried(FailureTypes.RATE_LIMITED)),
        new Fault("Graph 503", Call.JOB, graph(jsonResponse(503, "<html>Service Unavailable</html>")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("Graph 500", Call.JOB, graph(echoing(500, "generalException")), retried(FailureTypes.UNAVAILABLE)),
        new Fault("Graph 401 on a fresh token", Call.JOB, graph(echoing(401, "InvalidAuthenticationToken")),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("Graph 403", Call.JOB, graph(jsonResponse(403, resource("graph-error-403.response.json"))),
            ends(FailureTypes.PERMISSION)),
        new Fault("Graph timeout", Call.JOB,
            graph(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)), retried(FailureTypes.UNAVAILABLE)),
        new Fault("Graph malformed JSON in a 200", Call.JOB,
            graph(jsonResponse(200, "{\"id\":\"" + JOB_ID + "\",\"status\":{\"code\":\"Quar")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint 429 with Retry-After", Call.JOB,
            server -> server.enqueue(jsonResponse(429, "{\"error\":\"temporarily_unavailable\"}").setHeader("Retry-After", "3")),
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(3))),
        new Fault("token endpoint 503", Call.JOB, server -> server.enqueue(jsonResponse(503, "")),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint 401 invalid_client", Call.JOB,
            server -> server.enqueue(jsonResponse(401, "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"AADSTS7000215: Invalid client secret provided: " + CLIENT_SECRET + "\\r\\nTrace ID: 1\"}")),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("token endpoint 400 invalid_scope (documented)", Call.JOB,
            server -> server.enqueue(jsonResponse(400, resource("entra-token-clientCredentials-error.response.json"))),
            ends(FailureTypes.AUTHENTICATION)),
        new Fault("token endpoint malformed JSON in a 200", Call.JOB,
            server -> server.enqueue(jsonResponse(200, "{\"token_type\":\"Bearer\",\"access_token\":\"" + ACCESS_TOKEN)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("token endpoint timeout", Call.JOB,
            server -> server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)),
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: audit page 2 answers 429", Call.DIRECTORY_AUDITS,
            server -> {
              server.enqueue(token());
              server.enqueue(jsonResponse(200, auditPage(server.url("/v1.0/auditLogs/directoryAudits?$skiptoken=2").toString())));
              server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")).setHeader("Retry-After", "5"));
            },
            retriedAfter(FailureTypes.RATE_LIMITED, Duration.ofSeconds(5))),
        new Fault("partial page: provisioning log page 2 cut short", Call.PROVISIONING_LOG,
            server -> {
              server.enqueue(token());
              server.enqueue(jsonResponse(200, "{\"value\":[],\"@odata.nextLink\":\""
                  + server.url("/v1.0/auditLogs/provisioning?$skiptoken=2") + "\"}"));
              server.enqueue(jsonResponse(200, "{\"value\":[{\"id\":\"p-1\",\"activityDate"));
            },
            retried(FailureTypes.UNAVAILABLE)),
        new Fault("partial page: next link to another host", Call.DIRECTORY_AUDITS,
            graph(jsonResponse(200, auditPage("https://graph.evil.example/v1.0/auditLogs/directoryAudits?$skiptoken=2"))),
            ends(FailureTypes.INCOMPLETE_READ)),
        new Fault("partial page: more pages than the bound", Call.DIRECTORY_AUDITS,
            server -> {
              server.enqueue(token());
              for (int i = 0; i < EntraGraphClient.MAX_PAGES; i++) {
                server.enqueue(jsonResponse(200, auditPage(server.url("/v1.0/auditLogs/directoryAudits?$skiptoken=" + i).toString())));
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
        case JOB -> activities.jobStatus(SOURCE);
        case DIRECTORY_AUDITS -> activities.findIdpChanges(SOURCE, WINDOW);
        case PROVISIONING_LOG -> activities.findProvisioningFailures(SOURCE, WINDOW);
      }
    }, ApplicationFailure.class);

    fault.expected().assertMatches(failure, CLIENT_SECRET, ACCESS_TOKEN);
    assertThat(failure.getOriginalMessage()).startsWith(fault.name().startsWith("token") ? "Entra ID token endpoint" : "Microsoft Graph");
  }
}
