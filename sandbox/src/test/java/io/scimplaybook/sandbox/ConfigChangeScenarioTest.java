package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigChangeScenarioTest {
  private SandboxServer server;
  private SandboxHttp http;

  @BeforeEach
  void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.CONFIG_CHANGE));
    http = new SandboxHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void domainChangesComeOverTwoAuditPagesJustBeforeTheFailure() {
    JsonNode page1 = http.auditPage("last.PT2H", null, true);
    assertThat(page1.path("hasMore").asBoolean()).isTrue();
    assertThat(page1.path("marker").asText()).isNotEmpty();
    assertThat(page1.path("fetchedCount").asInt()).isEqualTo(1);

    JsonNode page2 = http.auditPage("last.PT2H", page1.path("marker").asText(), true);
    assertThat(page2.path("hasMore").asBoolean()).isFalse();

    List<JsonNode> records = new ArrayList<>();
    page1.path("accounts").get(0).path("records").forEach(records::add);
    page2.path("accounts").get(0).path("records").forEach(records::add);
    assertThat(records).hasSize(2).allSatisfy(r -> {
      assertThat(r.path("fieldsMap").path("model_type").asText()).isEqualTo("Domain");
      assertThat(r.path("admin").path("name").asText()).isEqualTo("it-admin@example.com");
      assertThat(Instant.parse(r.path("time").asText())).isBefore(Instant.now().minusSeconds(4 * 60));
    });
    assertThat(records).extracting(r -> r.path("fieldsMap").path("change_type").asText())
        .containsExactly("MODIFIED", "DELETED");

    JsonNode everything = http.auditPage("last.P1D", null, false);
    assertThat(everything.path("fetchedCount").asInt()).isEqualTo(2);
    assertThat(everything.path("hasMore").asBoolean()).isTrue();
  }

  @Test
  void entraDirectoryAuditShowsAChangeToTheCatoApp() {
    String graph = http.graphToken();
    String sp = server.config().servicePrincipalId();
    String filter = "activityDateTime ge " + Instant.now().minusSeconds(3600) + " and targetResources/any(t: t/id eq '"
        + sp + "')";
    JsonNode audits = SandboxHttp.json(
        http.graph("GET", "/auditLogs/directoryAudits?$filter=" + SandboxHttp.encode(filter), graph, null));
    assertThat(audits.path("@odata.context").asText()).contains("directoryAudits");
    assertThat(audits.path("value")).hasSize(1);
    JsonNode entry = audits.path("value").get(0);
    assertThat(entry.path("category").asText()).isEqualTo("ApplicationManagement");
    assertThat(entry.path("activityDisplayName").asText()).isEqualTo("Update service principal");
    assertThat(entry.path("targetResources").get(0).path("id").asText()).isEqualTo(sp);
  }

  @Test
  void provisioningFailsUntilTheChangeIsReverted() {
    String graph = http.graphToken();
    JsonNode failed = SandboxHttp.exportStep(http.provisionOnDemand(graph));
    assertThat(failed.path("status").asText()).isEqualTo("Failure");
    assertThat(failed.path("description").asText()).contains("500");
    assertThat(failed.path("details").path("errorCode").asText())
        .isEqualTo("SystemForCrossDomainIdentityManagementBadResponse");
    JsonNode job = SandboxHttp.json(http.graph("GET", http.jobPath(), graph, null)).path("status");
    assertThat(job.path("code").asText()).isEqualTo("Active");
    assertThat(job.path("lastExecution").path("error").path("message").asText()).contains("500");

    HttpResponse<String> revert = http.control("POST", "/sandbox/cma/revert");
    assertThat(revert.statusCode()).isEqualTo(200);
    assertThat(SandboxHttp.json(revert).path("reverted").asBoolean()).isTrue();
    assertThat(SandboxHttp.json(http.control("POST", "/sandbox/cma/revert")).path("reverted").asBoolean()).isFalse();

    assertThat(SandboxHttp.exportStep(http.provisionOnDemand(graph)).path("status").asText()).isEqualTo("Success");
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Monitoring");

    // The revert is itself in the audit trail now.
    JsonNode page1 = http.auditPage("last.PT2H", "", true);
    JsonNode page2 = http.auditPage("last.PT2H", page1.path("marker").asText(), true);
    assertThat(page1.path("fetchedCount").asInt() + page2.path("fetchedCount").asInt()).isEqualTo(3);
    assertThat(page2.path("accounts").get(0).path("records").get(0).path("fieldsMap").path("change_type").asText())
        .isEqualTo("CREATED");
  }
}
