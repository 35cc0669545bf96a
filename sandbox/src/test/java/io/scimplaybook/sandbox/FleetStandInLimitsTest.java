package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet stand-in's limiter (fleet benchmark, issue 14): the documented limits admit exactly their number of calls
 * per window and key, answer the rest the way each vendor does, and count every one of those over-limit answers.
 */
class FleetStandInLimitsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String AUDIT_FEED = "query auditFeed($accountIDs: [ID!], $timeFrame: TimeFrame!,"
      + " $filters: [AuditFieldFilterInput!], $marker: String) {"
      + " auditFeed(accountIDs: $accountIDs, timeFrame: $timeFrame, filters: $filters, marker: $marker) {"
      + " from to marker fetchedCount hasMore accounts { id records { time fieldsMap } } } }";
  private final HttpClient http = HttpClient.newHttpClient();

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T04:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aWindowAdmitsItsLimitPerKeyAndCountsEveryRefusal() {
    HandClock clock = new HandClock();
    RateWindow window = new RateWindow("auditFeed", 5, Duration.ofMinutes(1), clock);
    for (int i = 0; i < 5; i++) {
      assertThat(window.acquire("a")).isEmpty();
    }
    assertThat(window.acquire("a")).contains(Duration.ofMinutes(1));
    assertThat(window.acquire("b")).as("another account has its own window").isEmpty();
    clock.advance(Duration.ofSeconds(40));
    assertThat(window.acquire("a")).contains(Duration.ofSeconds(20));
    clock.advance(Duration.ofSeconds(20));
    assertThat(window.acquire("a")).as("a minute after the first calls, the window has room again").isEmpty();

    assertThat(window.refused()).isEqualTo(2);
    assertThat(window.refusedByKey()).isEqualTo(Map.of("a", 2L));
    assertThat(window.admitted()).isEqualTo(7);
  }

  @Test
  void overLimitCallsGetTheVendorsAnswersAndAreCounted() throws Exception {
    HandClock clock = new HandClock();
    FleetPlan plan = new FleetPlan(2, 2, 2, 0, 0);
    try (FleetStandIn fleet = FleetStandIn.start(plan, FleetLimits.documented(), clock)) {
      String first = FleetPlan.accountId(0);
      String second = FleetPlan.accountId(1);

      // Cato: auditFeed allows 5 a minute per account; the 6th and 7th get HTTP 200 with a rate-limit error.
      for (int i = 0; i < 5; i++) {
        JsonNode answer = auditFeed(fleet, first);
        assertThat(answer.path("errors").isMissingNode()).as("call %d: %s", i + 1, answer).isTrue();
        assertThat(answer.path("data").path("auditFeed").path("accounts").isArray()).isTrue();
      }
      for (int i = 0; i < 2; i++) {
        JsonNode answer = auditFeed(fleet, first);
        assertThat(answer.path("errors").path(0).path("message").asText()).contains("rate limit");
      }
      assertThat(auditFeed(fleet, second).path("errors").isMissingNode()).as("per account").isTrue();

      // Graph: provisionOnDemand allows 5 per 10 s per tenant, across sources; the 6th gets 429 with Retry-After.
      String token = graphToken(fleet);
      FleetSource a = fleet.sources().get(0);
      FleetSource b = fleet.sources().get(2);
      fleet.incidentUntil(Instant.now().plus(Duration.ofHours(1)));
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> pod = provisionOnDemand(fleet, token, i % 2 == 0 ? a : b);
        assertThat(pod.statusCode()).isEqualTo(200);
        assertThat(pod.body()).as("the provider incident's 500").contains("500 Internal Server Error");
      }
      HttpResponse<String> refused = provisionOnDemand(fleet, token, b);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("10");
      assertThat(MAPPER.readTree(refused.body()).path("error").path("code").asText()).isEqualTo("TooManyRequests");

      // The incident over and the window past: provisioning on demand works again.
      fleet.incidentUntil(Instant.MIN);
      clock.advance(Duration.ofSeconds(10));
      HttpResponse<String> again = provisionOnDemand(fleet, token, a);
      assertThat(again.statusCode()).isEqualTo(200);
      String steps = MAPPER.readTree(again.body()).path("value").asText();
      assertThat(steps).contains("Success").doesNotContain("Failure");

      Map<String, Long> refusedBy = Map.of(
          "auditFeed", fleet.limits().get(2).refused(), "provisionOnDemand", fleet.limits().get(3).refused(),
          "default", fleet.limits().get(0).refused());
      assertThat(refusedBy).isEqualTo(Map.of("auditFeed", 2L, "provisionOnDemand", 1L, "default", 0L));
      assertThat(fleet.limits().get(2).refusedByKey()).isEqualTo(Map.of(first + " auditFeed", 2L));
      assertThat(fleet.overLimitAnswers()).isEqualTo(3);
      assertThat(fleet.incidentAnswers()).isEqualTo(5);
    }
  }

  private JsonNode auditFeed(FleetStandIn fleet, String account) throws Exception {
    String body = MAPPER.writeValueAsString(Map.of("query", AUDIT_FEED, "variables", Map.of(
        "accountIDs", List.of(account), "timeFrame", "last.PT24H", "filters", List.of())));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fleet.baseUrl() + "/api/v1/graphql2"))
        .header("Content-Type", "application/json").header("x-api-key", fleet.credentials().catoApiKey())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("Cato answers rate limits with HTTP 200 too").isEqualTo(200);
    return MAPPER.readTree(response.body());
  }

  private String graphToken(FleetStandIn fleet) throws Exception {
    SandboxConfig c = fleet.credentials();
    String form = "client_id=" + enc(c.entraClientId()) + "&client_secret=" + enc(c.entraClientSecret())
        + "&scope=" + enc("https://graph.microsoft.com/.default") + "&grant_type=client_credentials";
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(fleet.baseUrl() + "/" + c.entraTenantId() + "/oauth2/v2.0/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return MAPPER.readTree(response.body()).path("access_token").asText();
  }

  private HttpResponse<String> provisionOnDemand(FleetStandIn fleet, String token, FleetSource source)
      throws Exception {
    String body = MAPPER.writeValueAsString(Map.of("parameters", List.of(Map.of(
        "subjects", List.of(Map.of("objectId", source.probeObjectId(), "objectTypeName", "User")),
        "ruleId", "rule-1"))));
    String path = "/v1.0/servicePrincipals/" + source.servicePrincipalId() + "/synchronization/jobs/"
        + source.jobId() + "/provisionOnDemand";
    return http.send(HttpRequest.newBuilder(URI.create(fleet.baseUrl() + path))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
