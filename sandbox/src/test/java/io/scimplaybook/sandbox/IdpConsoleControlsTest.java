package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's stand-ins for what a person does in an IdP's console, and each IdP's scheduled pushes: what the demo's
 * auto-answerer uses for the operator tasks of IdPs without an API for them.
 */
class IdpConsoleControlsTest {
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  private SandboxServer server;
  private IdpHttp idp;
  private final MutableClock clock = new MutableClock(START);

  private void start(SandboxIdp which, Scenario scenario) throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withIdp(which).withScenario(scenario), clock);
    idp = new IdpHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCustomAppPushesOnScheduleWithTheTokenItHoldsUntilAPersonPastesANewOne() throws Exception {
    start(SandboxIdp.CUSTOM, Scenario.TOKEN_MISMATCH);
    clock.advance(Duration.ofSeconds(6));
    JsonNode failing = idp.state();
    assertThat(failing.path("idp").asText()).isEqualTo("custom");
    assertThat(failing.path("lastScheduledCycleSucceeded").asBoolean()).isFalse();
    // Without a job to read, a failing cycle shows as another SCIM Provisioning / Failed event at Cato.
    assertThat(failing.path("failureEvents").asInt()).isEqualTo(2);

    String token = idp.http().generateCmaToken();
    JsonNode installed = SandboxHttp.json(idp.installToken(token));
    assertThat(installed.path("catoAcceptsIt").asBoolean()).isTrue();
    assertThat(installed.toString()).doesNotContain(token);
    clock.advance(Duration.ofSeconds(5));

    JsonNode working = idp.state();
    assertThat(working.path("lastScheduledCycleSucceeded").asBoolean()).isTrue();
    assertThat(working.path("lastScheduledCycleAt").asText()).isEqualTo(START.plusSeconds(10).toString());
    assertThat(working.path("failureEvents").asInt()).isEqualTo(2);
    assertThat(working.path("idpTokenMatchesCato").asBoolean()).isTrue();
  }

  @Test
  void provisionNowPushesTheProbeUserAndAWorkingPushMovesTheStoryToMonitoring() throws Exception {
    start(SandboxIdp.ONELOGIN, Scenario.TRANSIENT);

    JsonNode push = idp.provisionNow();

    assertThat(push.path("succeeded").asBoolean()).isTrue();
    assertThat(push.path("user").asText()).isEqualTo("probe.user@example.com");
    assertThat(idp.http().story().path("incident").path("status").asText()).isEqualTo("Monitoring");
    assertThat(server.state().provisionOnDemandCalls()).isEqualTo(1);
  }

  @Test
  void aPushThatFailsSaysWhyAndLeavesTheStoryOpen() throws Exception {
    start(SandboxIdp.OKTA, Scenario.PERSISTENT);

    JsonNode push = idp.provisionNow();

    assertThat(push.path("succeeded").asBoolean()).isFalse();
    assertThat(push.path("failure").asText()).contains("500");
    assertThat(idp.http().story().path("incident").path("status").asText()).isEqualTo("Open");
  }

  @Test
  void anEmptyTokenIsRefusedAndChangesNothing() throws Exception {
    start(SandboxIdp.ONELOGIN, Scenario.TOKEN_MISMATCH);

    assertThat(idp.installToken("  ").statusCode()).isEqualTo(400);
    assertThat(server.state().idpSecretsSaved()).isZero();
  }

  @Test
  void entrasScheduledCyclesStillKeepToItsJobAndLogs() throws Exception {
    start(SandboxIdp.ENTRA, Scenario.PERSISTENT);
    clock.advance(Duration.ofSeconds(11));

    JsonNode state = idp.state();

    assertThat(state.path("lastScheduledCycleSucceeded").asBoolean()).isFalse();
    assertThat(state.path("failureEvents").asInt()).isEqualTo(1);
  }

  @Test
  void catosFeedShowsAFailingCycleWithoutAnyoneReadingTheIdp() throws Exception {
    start(SandboxIdp.ONELOGIN, Scenario.TOKEN_MISMATCH);
    clock.advance(Duration.ofSeconds(11));

    JsonNode feed = idp.http().graphql(SandboxHttp.EVENTS_FEED, java.util.Map.of("accountIDs", java.util.List.of(
        server.config().accountId())));

    assertThat(feed.path("data").path("eventsFeed").path("accounts").get(0).path("records")).hasSize(3);
  }
}
