package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Okta's System Log as the sandbox plays it: SSWS auth, filters, Link paging, rate-limit headers and 429. */
class OktaSystemLogTest {
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  static final String WINDOW = "since=" + START.minus(Duration.ofDays(1)) + "&until=" + START.plusSeconds(60);

  private SandboxServer server;
  private IdpHttp okta;

  private void start(Scenario scenario) throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withIdp(SandboxIdp.OKTA).withScenario(scenario),
        new MutableClock(START));
    okta = new IdpHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void withoutTheApiTokenEveryCallIsRefusedWithE0000011() throws Exception {
    start(Scenario.TOKEN_MISMATCH);

    for (String token : new String[] {null, "not-the-token"}) {
      HttpResponse<String> refused = okta.okta("GET", "/api/v1/logs", token, null);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(SandboxHttp.json(refused).path("errorCode").asText()).isEqualTo("E0000011");
      assertThat(SandboxHttp.json(refused).path("errorSummary").asText()).isEqualTo("Invalid token provided");
    }
    assertThat(okta.okta("GET", okta.appUserPath(), "not-the-token", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aStaleTokenShowsAsAuthenticationFailureAndAFailedPushInTheLogsFormat() throws Exception {
    start(Scenario.TOKEN_MISMATCH);
    String filter = SandboxHttp.encode("eventType eq \"" + OktaSystemLog.PUSH_PROFILE + "\" and outcome.result eq "
        + "\"FAILURE\" and target.id eq \"" + server.config().okta().appId() + "\"");

    HttpResponse<String> page = okta.okta("GET", "/api/v1/logs?" + WINDOW + "&filter=" + filter, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-Rate-Limit-Limit")).isPresent();
    assertThat(page.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
    assertThat(Long.parseLong(page.headers().firstValue("X-Rate-Limit-Reset").orElseThrow()))
        .isGreaterThan(START.getEpochSecond());
    JsonNode events = SandboxHttp.json(page);
    assertThat(events).hasSize(1);
    JsonNode push = events.get(0);
    assertThat(push.path("published").asText()).isEqualTo(START.minus(Duration.ofMinutes(4)).toString());
    assertThat(push.path("outcome").path("reason").asText()).contains("401");
    assertThat(push.path("target")).extracting(t -> t.path("type").asText()).contains("AppUser", "AppInstance");
    assertThat(push.path("uuid").asText()).isNotBlank();
    assertThat(push.has("severity") && push.has("actor") && push.has("client") && push.has("transaction")).isTrue();

    List<JsonNode> authFailures = okta.oktaLogAll(WINDOW + "&filter="
        + SandboxHttp.encode("eventType eq \"" + OktaSystemLog.AUTHENTICATION_FAILURE + "\""));
    assertThat(authFailures).singleElement().satisfies(e -> assertThat(e.path("published").asText())
        .isEqualTo(push.path("published").asText()));
  }

  @Test
  void aBoundedQueryPagesWithAfterCursorsUntilNoNextLinkAndLosesNothing() throws Exception {
    start(Scenario.CONFIG_CHANGE);
    JsonNode whole = SandboxHttp.json(okta.okta("GET", "/api/v1/logs?" + WINDOW, null));
    assertThat(whole.size()).isGreaterThan(3);

    List<String> paged = okta.oktaLogAll(WINDOW + "&limit=2").stream().map(e -> e.path("uuid").asText()).toList();

    assertThat(paged).containsExactlyElementsOf(
        java.util.stream.StreamSupport.stream(whole.spliterator(), false).map(e -> e.path("uuid").asText()).toList());
    List<String> published = java.util.stream.StreamSupport.stream(whole.spliterator(), false)
        .map(e -> e.path("published").asText()).toList();
    assertThat(published).isSorted();
    HttpResponse<String> first = okta.okta("GET", "/api/v1/logs?" + WINDOW + "&limit=2", null);
    assertThat(first.headers().allValues("Link")).anySatisfy(l -> assertThat(l).endsWith("rel=\"self\""));
    assertThat(IdpHttp.nextLink(first)).contains("after=").contains("limit=2");
    HttpResponse<String> descending = okta.okta("GET", "/api/v1/logs?" + WINDOW + "&sortOrder=DESCENDING", null);
    assertThat(SandboxHttp.json(descending).get(0).path("published").asText()).isEqualTo(published.get(published.size() - 1));
  }

  @Test
  void aPollingQueryAlwaysHasANextLinkAndItsLastPageIsEmpty() throws Exception {
    start(Scenario.TOKEN_MISMATCH);
    HttpResponse<String> first = okta.okta("GET", "/api/v1/logs?since=" + START.minus(Duration.ofDays(1)), null);
    String next = IdpHttp.nextLink(first);
    assertThat(next).isNotNull();

    HttpResponse<String> after = okta.oktaUrl(next);

    assertThat(SandboxHttp.json(after)).isEmpty();
    assertThat(IdpHttp.nextLink(after)).isNotNull();
  }

  @Test
  void configChangeShowsTheAdminsAppChangeMinutesBeforeTheFailure() throws Exception {
    start(Scenario.CONFIG_CHANGE);

    List<JsonNode> changes = okta.oktaLogAll(WINDOW + "&filter="
        + SandboxHttp.encode("eventType eq \"" + OktaSystemLog.CONFIGURATION_UPDATE + "\" and actor.alternateId eq "
        + "\"it-admin@example.com\""));

    assertThat(changes).singleElement().satisfies(e -> {
      assertThat(e.path("published").asText()).isEqualTo(START.minus(Duration.ofMinutes(12)).toString());
      assertThat(e.path("target").get(0).path("id").asText()).isEqualTo(server.config().okta().appId());
      assertThat(e.path("target").get(0).path("changeDetails").path("to").size()).isEqualTo(1);
    });
  }

  @Test
  void throttledCallsGet429WithAndWithoutRateLimitHeaders() throws Exception {
    start(Scenario.TRANSIENT);
    okta.http().control("POST", "/sandbox/idp/throttle?count=1");

    HttpResponse<String> limited = okta.okta("GET", "/api/v1/logs?" + WINDOW, null);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(SandboxHttp.json(limited).path("errorCode").asText()).isEqualTo("E0000047");
    assertThat(limited.headers().firstValue("X-Rate-Limit-Remaining")).contains("0");
    assertThat(limited.headers().firstValue("X-Rate-Limit-Reset")).isPresent();

    okta.http().control("POST", "/sandbox/idp/throttle?count=1&headers=false");
    HttpResponse<String> bare = okta.okta("GET", "/api/v1/logs?" + WINDOW, null);
    assertThat(bare.statusCode()).isEqualTo(429);
    assertThat(bare.headers().firstValue("X-Rate-Limit-Reset")).isEmpty();

    assertThat(okta.okta("GET", "/api/v1/logs?" + WINDOW, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aFilterThatDoesNotParseIsA400NotAnEmptyAnswer() throws Exception {
    start(Scenario.TOKEN_MISMATCH);

    HttpResponse<String> bad = okta.okta("GET", "/api/v1/logs?filter=" + SandboxHttp.encode("eventType eq"), null);

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(bad).path("errorCode").asText()).isEqualTo("E0000001");
    assertThat(okta.okta("GET", "/api/v1/logs?after=nonsense", null).statusCode()).isEqualTo(400);
  }

  @Test
  void anotherIdpsSandboxHasNoOktaApi() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0), new MutableClock(START));
    okta = new IdpHttp(server);

    assertThat(okta.okta("GET", "/api/v1/logs", null).statusCode()).isEqualTo(404);
  }
}
