package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenMismatchScenarioTest {
  private SandboxServer server;
  private SandboxHttp http;

  @BeforeEach
  void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.TOKEN_MISMATCH));
    http = new SandboxHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void onlyANewCmaTokenSavedInTheIdpFixesProvisioning() {
    String graph = http.graphToken();

    HttpResponse<String> failed = http.provisionOnDemand(graph);
    assertThat(failed.statusCode()).isEqualTo(200);
    JsonNode failedExport = SandboxHttp.exportStep(failed);
    assertThat(failedExport.path("type").asText()).isEqualTo("Export");
    assertThat(failedExport.path("status").asText()).isEqualTo("Failure");
    assertThat(failedExport.path("details").path("errorCode").asText())
        .isEqualTo("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
    assertThat(failedExport.path("details").path("reason").asText()).contains("invalid credentials");
    assertThat(SandboxHttp.provisioningValue(failed).path("statusInfo").path("status").asText()).isEqualTo("Failure");

    JsonNode job = SandboxHttp.json(http.graph("GET", http.jobPath(), graph, null));
    assertThat(job.path("status").path("code").asText()).isEqualTo("Quarantine");
    assertThat(job.path("status").path("lastExecution").path("error").path("code").asText())
        .isEqualTo("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");

    String filter = "servicePrincipal/id eq '" + server.config().servicePrincipalId()
        + "' and provisioningStatusInfo/status eq 'failure'";
    JsonNode logs = SandboxHttp.json(
        http.graph("GET", "/auditLogs/provisioning?$filter=" + SandboxHttp.encode(filter), graph, null));
    assertThat(logs.path("value")).isNotEmpty();
    assertThat(logs.path("value")).allSatisfy(entry -> {
      assertThat(entry.path("servicePrincipal").path("id").asText()).isEqualTo(server.config().servicePrincipalId());
      assertThat(entry.path("provisioningStatusInfo").path("errorInformation").path("reason").asText())
          .contains("invalid credentials");
    });

    String first = http.generateCmaToken();
    String current = http.generateCmaToken();
    assertThat(current).isNotEqualTo(first);
    assertThat(http.scimUsers(first).statusCode()).isEqualTo(401);
    assertThat(http.scimUsers(current).statusCode()).isEqualTo(200);

    assertThat(http.validateCredentials(graph, http.scimBaseAddress(), first).statusCode()).isEqualTo(400);
    assertThat(http.validateCredentials(graph, "https://scim.example.net/scim/v2/999/1", current).statusCode())
        .isEqualTo(400);
    assertThat(http.validateCredentials(graph, http.scimBaseAddress(), current).statusCode()).isEqualTo(204);
    // Testing the connection does not save anything.
    assertThat(SandboxHttp.exportStep(http.provisionOnDemand(graph)).path("status").asText()).isEqualTo("Failure");

    assertThat(http.putSecrets(graph, http.scimBaseAddress(), current).statusCode()).isEqualTo(204);

    HttpResponse<String> fixed = http.provisionOnDemand(graph);
    assertThat(SandboxHttp.exportStep(fixed).path("status").asText()).isEqualTo("Success");
    assertThat(SandboxHttp.json(fixed).path("key").asText()).contains("\"result\":\"Success\"");
    assertThat(http.story().path("incident").path("status").asText()).isEqualTo("Monitoring");
    // Sticky quarantine: the credentials work now, yet the job stays quarantined and runs no scheduled cycle...
    JsonNode stuck = SandboxHttp.json(http.graph("GET", http.jobPath(), graph, null)).path("status");
    assertThat(stuck.path("code").asText()).isEqualTo("Quarantine");
    assertThat(stuck.path("quarantine").path("seriesCount").asInt()).isPositive();
    assertThat(stuck.path("lastExecution").path("state").asText()).isEqualTo("Failed");
    // ...until Graph's documented restart (graph-restart.request.json) clears it and a scheduled cycle succeeds.
    assertThat(http.graph("POST", http.jobPath() + "/restart", graph,
        Map.of("criteria", Map.of("resetScope", "Watermark, Escrows, QuarantineState"))).statusCode()).isEqualTo(204);
    JsonNode running = SandboxHttp.json(http.graph("GET", http.jobPath(), graph, null)).path("status");
    assertThat(running.path("code").asText()).isEqualTo("Active");
    assertThat(running.path("lastExecution").path("state").asText()).isEqualTo("Succeeded");
    assertThat(running.path("lastSuccessfulExecution").path("timeBegan").asText()).isNotBlank();

    StateSnapshot state = server.state();
    assertThat(state.idpTokenMatchesCato()).isTrue();
    assertThat(state.provisioningWorks()).isTrue();
    assertThat(state.storyStatus()).isEqualTo("Monitoring");
    String stateJson = http.control("GET", "/sandbox/state").body();
    assertThat(stateJson).doesNotContain(first).doesNotContain(current).contains("\"idpTokenMatchesCato\":true");
  }

  @Test
  void storyIsOpenWithAScimIndicationAndTheEventPointsAtIt() {
    Map<String, Object> input = Map.of(
        "filter", List.of(Map.of("timeFrame", Map.of("time", "last.P1D", "timeFrameModifier", "StoryUpdate"))),
        "paging", Map.of("from", 0, "limit", 50));
    JsonNode stories = http.graphql(SandboxHttp.STORIES, Map.of("accountID", "12345", "input", input));
    JsonNode items = stories.path("data").path("xdr").path("stories").path("items");
    assertThat(items).hasSize(1);
    JsonNode story = items.get(0);
    assertThat(story.path("id").asText()).isEqualTo(server.storyId());
    assertThat(story.path("incident").path("indication").asText()).contains("SCIM");
    assertThat(story.path("incident").path("status").asText()).isEqualTo("Open");
    assertThat(stories.path("data").path("xdr").path("stories").path("paging").path("total").asInt()).isEqualTo(1);

    JsonNode events = http.graphql(SandboxHttp.EVENTS, Map.of(
        "accountID", "12345",
        "timeFrame", "last.PT2H",
        "filters", List.of(
            Map.of("fieldName", "event_sub_type", "operator", "is", "values", List.of("SCIM Provisioning")),
            Map.of("fieldName", "action", "operator", "is", "values", List.of("Failed")))));
    JsonNode records = events.path("data").path("events").path("records");
    assertThat(records).hasSize(1);
    JsonNode fields = records.get(0).path("fieldsMap");
    assertThat(fields.path("story_id").asText()).isEqualTo(server.storyId());
    // Cato does not promise resource_id on SCIM events: the sandbox leaves it out and names the app in event_message.
    assertThat(fields.has("resource_id")).isFalse();
    assertThat(fields.path("event_message").asText()).contains("Entra ID SCIM");
    assertThat(fields.path("failure_reason").asText()).contains("Invalid credentials");
    assertThat(fields.path("directory_sync_type").asText()).isEqualTo("SCIM");
  }
}
