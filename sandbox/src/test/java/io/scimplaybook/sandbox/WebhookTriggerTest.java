package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTriggerTest {
  private record Captured(String method, String path, String contentType, String auth, String body) {}

  private SandboxServer sandbox;
  private HttpServer webhook;
  private final CompletableFuture<Captured> captured = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    sandbox = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(Scenario.CONFIG_CHANGE));
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/webhooks/cato/scim-failure", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      captured.complete(new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"),
          new String(body, StandardCharsets.UTF_8)));
      byte[] answer = "{\"workflowId\":\"scim-playbook-12345-7\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(202, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    webhook.start();
  }

  @AfterEach
  void stop() {
    webhook.stop(0);
    sandbox.close();
  }

  @Test
  void postsTheFailureEventAsJsonAndReturnsTheAnswer() throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/cato/scim-failure");
    WebhookDelivery delivery = sandbox.sendFailureEvent(uri, Map.of("Authorization", "Bearer hook-secret"));

    assertThat(delivery.status()).isEqualTo(202);
    assertThat(delivery.accepted()).isTrue();
    assertThat(delivery.body()).contains("scim-playbook-12345-7");

    Captured request = captured.get(5, TimeUnit.SECONDS);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/webhooks/cato/scim-failure");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.auth()).isEqualTo("Bearer hook-secret");
    JsonNode body = SandboxHttp.MAPPER.readTree(request.body());
    // The README's CMA template, filled as Cato documents SCIM events: no resource_id (nor resource_name).
    assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("event_type", "event_sub_type", "action",
        "account_id", "failure_reason", "event_message", "story_id", "event_id", "time");
    assertThat(body.path("account_id").asText()).isEqualTo("12345");
    assertThat(body.path("event_sub_type").asText()).isEqualTo("SCIM Provisioning");
    assertThat(body.path("action").asText()).isEqualTo("Failed");
    assertThat(body.path("story_id").asText()).isEqualTo(sandbox.storyId());
    assertThat(body.path("event_message").asText()).contains("Entra ID");
    assertThat(Instant.parse(body.path("time").asText())).isBefore(Instant.now().minusSeconds(60));
    assertThat(body.path("failure_reason").asText()).contains("500");
  }
}
