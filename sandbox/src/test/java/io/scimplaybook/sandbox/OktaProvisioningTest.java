package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Okta's app user (whose update pushes the profile) and provisioning connection, as the sandbox plays them. */
class OktaProvisioningTest {
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  static final String WINDOW = "since=" + START.minus(Duration.ofDays(1)) + "&until=" + START.plus(Duration.ofHours(1));

  private SandboxServer server;
  private IdpHttp okta;
  private final MutableClock clock = new MutableClock(START);

  private void start(SandboxConfig config) throws Exception {
    server = SandboxServer.start(config.withPort(0).withIdp(SandboxIdp.OKTA), clock);
    okta = new IdpHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void updatingTheAppUserPushesWithTheTokenOktaHoldsAndSaysSoInSyncStateAndTheLog() throws Exception {
    start(SandboxConfig.defaults());
    assertThat(SandboxHttp.json(okta.okta("GET", okta.appUserPath(), null)).path("syncState").asText())
        .isEqualTo("ERROR");

    JsonNode stale = SandboxHttp.json(okta.okta("POST", okta.appUserPath(), "{\"profile\":{}}"));
    assertThat(stale.path("syncState").asText()).isEqualTo("ERROR");
    assertThat(stale.path("lastSync").asText()).isEqualTo(START.toString());
    assertThat(stale.path("credentials").path("userName").asText()).isEqualTo("probe.user@example.com");

    // The admin pastes a new CMA token into the app's provisioning settings (no token API for this app).
    clock.advance(Duration.ofSeconds(1));
    String token = okta.http().generateCmaToken();
    assertThat(SandboxHttp.json(okta.installToken(token)).path("catoAcceptsIt").asBoolean()).isTrue();
    JsonNode pushed = SandboxHttp.json(okta.okta("POST", okta.appUserPath(), "{\"profile\":{}}"));

    assertThat(pushed.path("syncState").asText()).isEqualTo("SYNCHRONIZED");
    assertThat(okta.http().story().path("incident").path("status").asText()).isEqualTo("Monitoring");
    List<JsonNode> pushes = okta.oktaLogAll(WINDOW + "&filter="
        + SandboxHttp.encode("eventType eq \"" + OktaSystemLog.PUSH_PROFILE + "\" and target.type eq \"AppUser\""));
    assertThat(pushes).extracting(e -> e.path("outcome").path("result").asText())
        .containsExactly("SUCCESS", "FAILURE", "FAILURE", "SUCCESS");
    List<JsonNode> tokenChanges = okta.oktaLogAll(WINDOW + "&filter="
        + SandboxHttp.encode("eventType eq \"" + OktaSystemLog.LIFECYCLE_UPDATE + "\""));
    assertThat(tokenChanges).hasSize(1);
    assertThat(tokenChanges.get(0).toString()).doesNotContain(token);
  }

  @Test
  void aBodyThatIsNotJsonOrAnUnknownUserIsRefusedInOktasFormat() throws Exception {
    start(SandboxConfig.defaults());

    HttpResponse<String> malformed = okta.okta("POST", okta.appUserPath(), "{profile:");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(malformed).path("errorCode").asText()).isEqualTo("E0000003");
    HttpResponse<String> unknown = okta.okta("GET",
        "/api/v1/apps/" + server.config().okta().appId() + "/users/00unobody", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(SandboxHttp.json(unknown).path("errorCode").asText()).isEqualTo("E0000007");
    assertThat(server.state().provisionOnDemandCalls()).isZero();
  }

  @Test
  void anAppWithoutTokenAuthSaysUnknownAndRefusesAToken() throws Exception {
    start(SandboxConfig.defaults());

    JsonNode connection = SandboxHttp.json(okta.okta("GET", okta.connectionPath(), null));
    assertThat(connection.path("authScheme").asText()).isEqualTo("UNKNOWN");
    assertThat(connection.path("status").asText()).isEqualTo("UNKNOWN");
    String token = okta.http().generateCmaToken();
    HttpResponse<String> refused = okta.okta("POST", okta.connectionPath(),
        "{\"profile\":{\"authScheme\":\"TOKEN\",\"token\":\"" + token + "\"}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(refused).path("errorCode").asText()).isEqualTo("E0000001");
    assertThat(server.state().idpTokenMatchesCato()).isFalse();
  }

  @Test
  void anAppWithTokenAuthTestsOnActivateAndSavesOnlyATokenCatoAccepts() throws Exception {
    start(SandboxConfig.defaults().withOkta(OktaSandbox.defaults().withTokenAuthSupported(true)));
    JsonNode connection = SandboxHttp.json(okta.okta("GET", okta.connectionPath(), null));
    assertThat(connection.path("authScheme").asText()).isEqualTo("TOKEN");
    assertThat(connection.path("profile").path("authScheme").asText()).isEqualTo("TOKEN");
    assertThat(connection.path("_links").path("self").path("hints").path("allow")).hasSize(2);

    HttpResponse<String> wrong = okta.okta("POST", okta.connectionPath() + "?activate=true",
        "{\"profile\":{\"authScheme\":\"TOKEN\",\"token\":\"not-a-cato-token\"}}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(server.state().idpSecretsSaved()).isZero();

    String token = okta.http().generateCmaToken();
    HttpResponse<String> saved = okta.okta("POST", okta.connectionPath() + "?activate=true",
        "{\"baseUrl\":\"https://scimservice.catonetworks.com:4443/scim/v2/12345/7\","
            + "\"profile\":{\"authScheme\":\"TOKEN\",\"token\":\"" + token + "\"}}");
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(saved).path("status").asText()).isEqualTo("ENABLED");
    assertThat(saved.body()).doesNotContain(token);
    assertThat(server.state().idpTokenMatchesCato()).isTrue();
    assertThat(server.state().provisioningWorks()).isTrue();
  }

  @Test
  void theAppAndConnectionCallsAreRateLimitedLikeTheLog() throws Exception {
    start(SandboxConfig.defaults());
    HttpResponse<String> ok = okta.okta("GET", okta.appUserPath(), null);
    assertThat(ok.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
    okta.http().control("POST", "/sandbox/idp/throttle?count=2");

    HttpResponse<String> user = okta.okta("POST", okta.appUserPath(), "{\"profile\":{}}");
    HttpResponse<String> connection = okta.okta("GET", okta.connectionPath(), null);

    assertThat(user.statusCode()).isEqualTo(429);
    assertThat(SandboxHttp.json(user).path("errorCode").asText()).isEqualTo("E0000047");
    assertThat(connection.statusCode()).isEqualTo(429);
    assertThat(server.state().provisionOnDemandCalls()).as("a refused call pushes nothing").isZero();
  }
}
