package io.scimplaybook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.testkit.TemporalTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter's management port, apart from the public webhook port: webhook answers counted by status on its
 * Prometheus endpoint beside the Temporal client's series, and the health probes; the webhook port serves no actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "scim-playbook.webhook.bearer-token=" + StarterMetricsTest.TOKEN)
// Spring Boot tests swap every metrics exporter for an in-memory registry unless told otherwise.
@AutoConfigureObservability(tracing = false)
class StarterMetricsTest {

  static final String TOKEN = "metrics-token-0123456789abcdef";
  static final TemporalTestServer temporal = TemporalTestServer.start();

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void webhookAnswersAreCountedByStatusOnTheManagementPortBesideTheTemporalClientSeries() throws Exception {
    assertThat(port).isNotEqualTo(managementPort);
    String good = "{\"accountId\":\"8801\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\","
        + "\"reason\":\"SCIM server returned 401\"}";
    assertThat(post(good).statusCode()).isEqualTo(202);
    assertThat(post("{\"accountId\":\"8801\"").statusCode()).isEqualTo(400);

    // The webhook's counter is Micrometer's own; the Temporal client's reach it when the SDK's scope next reports.
    List<String> series = awaitSeries(lines -> value(lines, "temporal_request_total",
        "operation=\"SignalWithStartWorkflowExecution\"") != null);

    assertThat(value(series, "scim_playbook_webhook_requests_total", "status=\"202\"", "result=\"delivered\""))
        .isEqualTo(1.0);
    assertThat(value(series, "scim_playbook_webhook_requests_total", "status=\"400\"", "result=\"refused\""))
        .isEqualTo(1.0);
    assertThat(value(series, "temporal_request_total", "operation=\"SignalWithStartWorkflowExecution\""))
        .isEqualTo(1.0);
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("the public webhook port").isEqualTo(404);
  }

  @Test
  void livenessAndReadinessAnswerUpAndReadinessIncludesTemporal() throws Exception {
    HttpResponse<String> liveness = get("/actuator/health/liveness");
    HttpResponse<String> readiness = get("/actuator/health/readiness");

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"temporal\":{\"status\":\"UP\"}");
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events/scim-failure"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> awaitSeries(Predicate<List<String>> ready) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<String> lines;
    do {
      HttpResponse<String> response = get("/actuator/prometheus");
      assertThat(response.statusCode()).isEqualTo(200);
      lines = response.body().lines().toList();
      if (ready.test(lines)) {
        return lines;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the series never appeared; the endpoint had:\n" + String.join("\n", lines));
  }

  /** The value of the one series of {@code name} whose labels contain every fragment; null when there is none. */
  private static Double value(List<String> lines, String name, String... labels) {
    List<String> matches = lines.stream().filter(l -> l.startsWith(name + "{"))
        .filter(l -> List.of(labels).stream().allMatch(l::contains)).toList();
    assertThat(matches).as("series %s with %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
    return matches.isEmpty() ? null : Double.valueOf(matches.get(0).substring(matches.get(0).lastIndexOf(' ') + 1));
  }
}
