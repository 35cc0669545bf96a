package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every playbook scenario plays on every IdP without an API of Entra's: the first push fails, and only the scenario's
 * own fix (a new CMA token pasted into the IdP, the Domain change reverted, nothing, or nothing that helps) makes the
 * next push through the IdP's console work.
 */
class IdpScenarioMatrixTest {

  static Stream<Arguments> idpsAndScenarios() {
    return Stream.of(SandboxIdp.OKTA, SandboxIdp.ONELOGIN, SandboxIdp.CUSTOM).flatMap(idp -> Stream.of(
        Scenario.TOKEN_MISMATCH, Scenario.CONFIG_CHANGE, Scenario.TRANSIENT, Scenario.PERSISTENT)
        .map(scenario -> Arguments.of(idp, scenario)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("idpsAndScenarios")
  void onlyTheScenariosOwnFixMakesThePushWork(SandboxIdp idp, Scenario scenario) throws Exception {
    SandboxConfig config = SandboxConfig.defaults().withPort(0).withIdp(idp).withScenario(scenario);
    try (SandboxServer server = SandboxServer.start(config, new MutableClock(Instant.parse("2026-03-02T10:00:00Z")))) {
      IdpHttp console = new IdpHttp(server);
      assertThat(console.state().path("idp").asText()).isEqualTo(idp.wireName());

      JsonNode first = console.provisionNow();
      assertThat(first.path("succeeded").asBoolean()).isEqualTo(scenario == Scenario.TRANSIENT);

      switch (scenario) {
        case TOKEN_MISMATCH, PERSISTENT -> console.installToken(console.http().generateCmaToken());
        case CONFIG_CHANGE -> console.http().control("POST", "/sandbox/cma/revert");
        default -> { }
      }
      JsonNode afterFix = console.provisionNow();

      assertThat(afterFix.path("succeeded").asBoolean()).isEqualTo(scenario != Scenario.PERSISTENT);
      assertThat(console.http().story().path("incident").path("status").asText())
          .isEqualTo(scenario == Scenario.PERSISTENT ? "Open" : "Monitoring");
    }
  }
}
