package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimplaybook.testkit.TemporalTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the webhook owes the outside now that it is a servlet of its own beside Spring MVC: only POST reaches it,
 * the answer is JSON whatever the sender accepts, the HTTP metrics still name its route, and a sender's connection
 * stays open for its whole stream of events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "scim-playbook.webhook.bearer-token=" + WebhookRouteTest.TOKEN,
    // Off by default (application.yml); an operator who turns them on must find the webhook under its route.
    "management.observations.enable[http.server.requests]=true"})
class WebhookRouteTest {

  static final String TOKEN = "route-token-0123456789abcdef";
  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aGetIsRefusedWith405AndStartsNothing() throws Exception {
    int openBefore = temporal.openRuns();

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + TOKEN)
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(temporal.openRuns()).isEqualTo(openBefore);
  }

  @Test
  void aSenderThatAcceptsOnlyTextStillGetsTheJsonAnswerAndItsEventIsDelivered() throws Exception {
    HttpResponse<String> response = post(event("7301"), "text/html");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.readTree(response.body()).get("workflowId").asText()).isEqualTo("scim-playbook-7301-a");
    assertThat(temporal.awaitReceived("scim-playbook-7301-a", l -> l.failures().size() == 1).failures()).hasSize(1);
  }

  @Test
  void theHttpMetricsNameTheWebhookRoute() throws Exception {
    assertThat(post(event("7302"), "application/json").statusCode()).isEqualTo(202);

    // The observation is stopped after the answer is sent, so the timer may appear a moment after the response.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (meters.find("http.server.requests").tag("uri", FailureEventServlet.PATH).timer() == null
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(meters.find("http.server.requests").tag("uri", FailureEventServlet.PATH).tag("status", "202").timer())
        .isNotNull();
  }

  @Test
  void oneConnectionCarriesASendersEventsBeyondTomcatsDefaultHundred() throws Exception {
    try (KeepAliveHttpPost sender = new KeepAliveHttpPost(port, FailureEventServlet.PATH,
        "Content-Type: text/plain", "Authorization: Bearer " + TOKEN)) {
      // Refused requests start nothing; 415 rather than 400 because Tomcat itself closes the connection after a 400.
      byte[] refused = event("7303").getBytes(StandardCharsets.UTF_8);
      for (int i = 1; i <= 150; i++) {
        KeepAliveHttpPost.Answer answer = sender.post(refused);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.close()).as("connection closed by the server after request %d", i).isFalse();
      }
    }
  }

  private HttpResponse<String> post(String body, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + TOKEN).header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + port + FailureEventServlet.PATH);
  }

  private static String event(String accountId) {
    return "{\"accountId\":\"" + accountId + "\",\"sourceId\":\"a\",\"time\":\"2025-06-01T08:30:00Z\","
        + "\"reason\":\"SCIM server returned 401\"}";
  }
}
