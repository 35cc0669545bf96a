package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransientScenarioTest {
  private SandboxServer server;
  private SandboxHttp http;

  @BeforeEach
  void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.TRANSIENT));
    http = new SandboxHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void provisioningOnDemandWorksAtOnceAndTheStoryGoesToMonitoring() {
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Open");
    String graph = http.graphToken();

    JsonNode export = SandboxHttp.exportStep(http.provisionOnDemand(graph));
    assertThat(export.path("type").asText()).isEqualTo("Export");
    assertThat(export.path("status").asText()).isEqualTo("Success");
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Monitoring");
    assertThat(server.state().provisioningWorks()).isTrue();
  }

  @Test
  void thereIsNoSuspectChangeAnywhere() {
    JsonNode domains = http.auditPage("last.P1D", null, true);
    assertThat(domains.path("hasMore").asBoolean()).isFalse();
    assertThat(domains.path("fetchedCount").asInt()).isZero();

    String graph = http.graphToken();
    String filter = "targetResources/any(t: t/id eq '" + server.config().servicePrincipalId() + "')";
    JsonNode audits = SandboxHttp.json(
        http.graph("GET", "/auditLogs/directoryAudits?$filter=" + SandboxHttp.encode(filter), graph, null));
    assertThat(audits.path("value")).isEmpty();
    assertThat(http.control("POST", "/sandbox/cma/revert").statusCode()).isEqualTo(409);
  }
}
