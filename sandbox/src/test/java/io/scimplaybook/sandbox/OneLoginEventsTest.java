package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OneLogin's client-credentials token and events API as the sandbox plays them: formats, cursors, 401, 429. */
class OneLoginEventsTest {
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  private SandboxServer server;
  private IdpHttp onelogin;

  private void start(Scenario scenario) throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withIdp(SandboxIdp.ONELOGIN)
        .withScenario(scenario), new MutableClock(START));
    onelogin = new IdpHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theTokenEndpointTakesBasicOrOneLoginsHeaderAndRefusesAWrongSecret() throws Exception {
    start(Scenario.TOKEN_MISMATCH);
    OneLoginSandbox account = server.config().onelogin();
    String grant = "{\"grant_type\":\"client_credentials\"}";

    JsonNode basic = SandboxHttp.json(onelogin.oneLoginToken(IdpHttp.basic(account.clientId(), account.clientSecret()),
        grant));
    assertThat(basic.path("access_token").asText()).isNotBlank();
    assertThat(basic.path("token_type").asText()).isEqualTo("bearer");
    assertThat(basic.path("expires_in").asLong()).isPositive();
    assertThat(basic.path("account_id").asLong()).isEqualTo(account.accountId());
    HttpResponse<String> header = onelogin.oneLoginToken(
        "client_id:" + account.clientId() + ", client_secret:" + account.clientSecret(), grant);
    assertThat(header.statusCode()).isEqualTo(200);

    HttpResponse<String> wrong = onelogin.oneLoginToken(IdpHttp.basic(account.clientId(), "wrong"), grant);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(wrong).path("status").path("error").asBoolean()).isTrue();
    assertThat(SandboxHttp.json(wrong).path("status").path("code").asInt()).isEqualTo(401);
    HttpResponse<String> noGrant = onelogin.oneLoginToken(
        IdpHttp.basic(account.clientId(), account.clientSecret()), "{}");
    assertThat(noGrant.statusCode()).isEqualTo(400);
  }

  @Test
  void eventsNeedAnIssuedBearerButEventTypesDoNot() throws Exception {
    start(Scenario.TOKEN_MISMATCH);

    HttpResponse<String> anonymous = onelogin.oneLogin("/api/1/events", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(anonymous).path("status").path("message").asText()).isEqualTo("Authentication Failure");
    assertThat(onelogin.oneLogin("/api/1/events", "made-up").statusCode()).isEqualTo(401);
    JsonNode types = SandboxHttp.json(onelogin.oneLogin("/api/1/events/types", null));
    assertThat(types.path("data")).extracting(t -> t.path("name").asText())
        .contains("PROVISIONING_ERROR", "USER_PROVISIONED_TO_APP", "APP_UPDATED");
  }

  @Test
  void provisioningErrorsCarryTheReasonAndTheApp() throws Exception {
    start(Scenario.TOKEN_MISMATCH);
    String token = onelogin.oneLoginAccessToken();

    HttpResponse<String> page = onelogin.oneLogin("/api/1/events?event_type_id="
        + OneLoginEvents.PROVISIONING_ERROR.id() + "&since=" + START.minus(Duration.ofHours(1)), token);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-RateLimit-Limit")).isPresent();
    assertThat(page.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    assertThat(page.headers().firstValue("X-RateLimit-Reset")).isPresent();
    JsonNode body = SandboxHttp.json(page);
    assertThat(body.path("status").path("error").asBoolean()).isFalse();
    assertThat(body.path("pagination").path("after_cursor").isNull()).isTrue();
    assertThat(body.path("data")).singleElement().satisfies(e -> {
      assertThat(e.path("created_at").asText()).isEqualTo(START.minus(Duration.ofMinutes(4)).toString());
      assertThat(e.path("app_id").asLong()).isEqualTo(server.config().onelogin().appId());
      assertThat(e.path("user_id").asLong()).isEqualTo(server.config().onelogin().probeUserId());
      assertThat(e.path("error_description").asText()).contains("401");
    });
  }

  @Test
  void cursorsWalkEveryEventOnceNewestFirst() throws Exception {
    start(Scenario.CONFIG_CHANGE);
    String token = onelogin.oneLoginAccessToken();
    JsonNode whole = SandboxHttp.json(onelogin.oneLogin("/api/1/events", token)).path("data");
    assertThat(whole.size()).isGreaterThan(3);

    List<String> paged = new ArrayList<>();
    JsonNode page = SandboxHttp.json(onelogin.oneLogin("/api/1/events?limit=2", token));
    while (true) {
      page.path("data").forEach(e -> paged.add(e.path("id").asText()));
      String next = page.path("pagination").path("next_link").asText(null);
      if (next == null) {
        break;
      }
      assertThat(page.path("pagination").path("after_cursor").asText()).isNotBlank();
      page = SandboxHttp.json(onelogin.oneLogin(next, token));
      assertThat(page.path("pagination").path("previous_link").isNull()).isFalse();
    }

    List<String> all = new ArrayList<>();
    whole.forEach(e -> all.add(e.path("id").asText()));
    assertThat(paged).containsExactlyElementsOf(all);
    assertThat(whole.get(0).path("created_at").asText()).isGreaterThan(whole.get(whole.size() - 1).path("created_at")
        .asText());
    assertThat(onelogin.oneLogin("/api/1/events?after_cursor=bm9wZQ", token).statusCode()).isEqualTo(400);
  }

  @Test
  void configChangeShowsTheAdminsAppUpdate() throws Exception {
    start(Scenario.CONFIG_CHANGE);
    String token = onelogin.oneLoginAccessToken();

    JsonNode updates = SandboxHttp.json(onelogin.oneLogin("/api/1/events?event_type_id="
        + OneLoginEvents.APP_UPDATED.id() + "&since=" + START.minus(Duration.ofHours(1)), token)).path("data");

    assertThat(updates).singleElement().satisfies(e -> {
      assertThat(e.path("actor_user_name").asText()).isEqualTo("it-admin@example.com");
      assertThat(e.path("created_at").asText()).isEqualTo(START.minus(Duration.ofMinutes(12)).toString());
    });
  }

  @Test
  void throttledCallsGet429WithAndWithoutRateLimitHeaders() throws Exception {
    start(Scenario.TRANSIENT);
    String token = onelogin.oneLoginAccessToken();

    onelogin.http().control("POST", "/sandbox/idp/throttle?count=1");
    HttpResponse<String> limited = onelogin.oneLogin("/api/1/events", token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(SandboxHttp.json(limited).path("status").path("code").asInt()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");

    onelogin.http().control("POST", "/sandbox/idp/throttle?count=1&headers=false");
    HttpResponse<String> bare = onelogin.oneLogin("/api/1/events", token);
    assertThat(bare.statusCode()).isEqualTo(429);
    assertThat(bare.headers().firstValue("X-RateLimit-Reset")).isEmpty();
    assertThat(onelogin.oneLogin("/api/1/events", token).statusCode()).isEqualTo(200);
  }
}
