package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersistentScenarioTest {
  private SandboxServer server;
  private SandboxHttp http;

  @BeforeEach
  void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.PERSISTENT));
    http = new SandboxHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void nothingTheOperatorDoesMakesProvisioningWork() {
    String graph = http.graphToken();
    assertThat(SandboxHttp.exportStep(http.provisionOnDemand(graph)).path("status").asText()).isEqualTo("Failure");

    String token = http.generateCmaToken();
    assertThat(http.scimUsers(token).statusCode()).isEqualTo(200);
    assertThat(http.validateCredentials(graph, http.scimBaseAddress(), token).statusCode()).isEqualTo(204);
    assertThat(http.putSecrets(graph, http.scimBaseAddress(), token).statusCode()).isEqualTo(204);
    assertThat(http.control("POST", "/sandbox/cma/revert").statusCode()).isEqualTo(409);

    JsonNode export = SandboxHttp.exportStep(http.provisionOnDemand(graph));
    assertThat(export.path("status").asText()).isEqualTo("Failure");
    assertThat(export.path("details").path("reason").asText()).contains("500");
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Open");
    assertThat(server.state().idpTokenMatchesCato()).isTrue();
    assertThat(server.state().provisioningWorks()).isFalse();
  }
}
