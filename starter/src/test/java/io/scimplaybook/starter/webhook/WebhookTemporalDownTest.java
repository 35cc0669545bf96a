package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.starter.PlaybookProperties;
import io.scimplaybook.testkit.TemporalTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Temporal down: the webhook still starts, and refuses events with 503 within its configured bound; the readiness
 * probe says so too (a load balancer stops sending), while liveness stays UP (a restart would not help).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"scim-playbook.webhook.temporal-timeout=PT1S", "scim-playbook.playbook.monitoring-window=PT5M",
        "scim-playbook.webhook.bearer-token=" + FailureEventWebhookTest.TOKEN})
class WebhookTemporalDownTest {

  @DynamicPropertySource
  static void deadTemporal(DynamicPropertyRegistry registry) {
    int port = TemporalTestServer.freePort();
    registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + port);
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired PlaybookProperties playbook;

  @Test
  void anEventIsRefusedWith503SoTheSenderRetries() throws Exception {
    Instant start = Instant.now();
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events/scim-failure"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + FailureEventWebhookTest.TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(FailureEventWebhookTest.event("7001", "a", "r")))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(new ObjectMapper().readTree(response.body()).get("error").asText())
        .contains("Temporal is unreachable").contains("not accepted");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void readinessIsDownNamingTemporalWhileLivenessStaysUp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> liveness = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("\"temporal\":{\"status\":\"DOWN\"}");
    assertThat(liveness.statusCode()).isEqualTo(200);
  }

  @Test
  void playbookSettingsBindFromConfigurationWithDefaultsForTheRest() {
    assertThat(playbook.toOptions().monitoringWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(playbook.toOptions().approvalTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(playbook.toOptions().maxCycles()).isEqualTo(3);
  }
}
