package io.scimplaybook.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.notify.NotificationResult;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON webhook channel against a local server answering as Slack's incoming webhooks do. */
class WebhookChannelTest {
  /** Slack keeps the credential in the path: it must show nowhere. */
  private static final String SECRET_PATH = "/services/T0001/B0002/s3cr3tW3bh00kT0k3n";
  private static final String UI = "http://localhost:8233";

  private MockWebServer server;
  private String url;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    url = server.url(SECRET_PATH).toString();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  private NotificationActivitiesImpl activities() {
    return new NotificationActivitiesImpl(List.of(new WebhookChannel(url, Duration.ofSeconds(5))), UI);
  }

  private static ApplicationFailure applicationFailure(WorkflowFailedException e) {
    assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
    return (ApplicationFailure) e.getCause().getCause();
  }

  @Test
  void postsTextThatSlackShowsAndFieldsAToolReadsWithTheIdempotencyKey() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    try (NotifyServer temporal = new NotifyServer(activities())) {
      NotificationResult result = temporal.deliver(Notifications.rotationTask());

      assertThat(result.delivered()).containsExactly("webhook");
      assertThat(result.note()).isNull();
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getPath()).isEqualTo(SECRET_PATH);
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("scim-playbook-12345-7/t1");
      assertThat(request.getHeader("Content-Type")).startsWith("application/json");
      JsonNode body = Json.mapper().readTree(request.getBody().readUtf8());
      String link = UI + "/namespaces/" + temporal.namespace() + "/workflows/scim-playbook-12345-7";
      assertThat(body.path("text").asText())
          .startsWith("[scim-playbook] A person is needed: Approve a new SCIM token for Contoso Entra ID")
          .contains("Task t1 (APPROVE_ROTATION) of run scim-playbook-12345-7")
          .contains("Account 12345, source 7 (Contoso Entra ID), IdP Entra ID")
          .contains("Generate Token")
          .contains("  " + Notifications.APPROVE + "\n", "  " + Notifications.REJECT + "\n")
          .contains("The run in the Temporal UI: " + link);
      JsonNode fields = body.path("scimPlaybook");
      assertThat(fields.path("kind").asText()).isEqualTo("TASK_OPENED");
      assertThat(fields.path("idempotencyKey").asText()).isEqualTo("scim-playbook-12345-7/t1");
      assertThat(fields.path("taskKind").asText()).isEqualTo("APPROVE_ROTATION");
      assertThat(fields.path("commands")).extracting(JsonNode::asText)
          .containsExactly(Notifications.APPROVE, Notifications.REJECT);
      assertThat(fields.path("link").asText()).isEqualTo(link);
    }
  }

  @Test
  void anEscalationSaysWhyAndNamesTheReportCommand() throws Exception {
    server.enqueue(new MockResponse().setBody("ok"));
    try (NotifyServer temporal = new NotifyServer(activities())) {
      temporal.deliver(Notifications.escalation());

      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo("scim-playbook-12345-7/escalation");
      JsonNode body = Json.mapper().readTree(request.getBody().readUtf8());
      assertThat(body.path("text").asText())
          .startsWith("[scim-playbook] Escalated: account 12345, source 7")
          .contains("Why: Token rotation was rejected by bob")
          .contains("/escalations/b.md")
          .contains("./scim-playbook report --workflow-id scim-playbook-12345-7");
      assertThat(body.path("scimPlaybook").path("taskId").isNull()).isTrue();
    }
  }

  @Test
  void aRateLimitIsRetriedAfterRetryAfterWithTheSameKey() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3").setBody("rate_limited"));
    server.enqueue(new MockResponse().setResponseCode(503).setBody("service unavailable"));
    server.enqueue(new MockResponse().setBody("ok"));
    try (NotifyServer temporal = new NotifyServer(activities())) {
      NotificationResult result = temporal.deliver(Notifications.rotationTask());

      assertThat(result.delivered()).containsExactly("webhook");
      assertThat(server.getRequestCount()).isEqualTo(3);
      for (int i = 0; i < 3; i++) {
        assertThat(server.takeRequest().getHeader("Idempotency-Key")).isEqualTo("scim-playbook-12345-7/t1");
      }
    }
  }

  @Test
  void aRateLimitCarriesTheWaitSlackAskedFor() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
    WebhookChannel channel = new WebhookChannel(url, Duration.ofSeconds(5));

    ApiCallException e = catchThrowableOfType(
        () -> channel.send(Notifications.rotationTask(), NotificationText.of(Notifications.rotationTask(), UI, "d")),
        ApiCallException.class);

    assertThat(e.kind()).isEqualTo(ApiCallException.Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aRefusalEndsItAtOnceWithTheReasonAndNoSecret() {
    // A receiver that echoes the request line in its refusal: the secret path must still not come through.
    server.enqueue(new MockResponse().setResponseCode(400).setBody("invalid_payload for POST " + SECRET_PATH));
    server.enqueue(new MockResponse().setBody("ok"));
    try (NotifyServer temporal = new NotifyServer(activities())) {
      WorkflowFailedException e = catchThrowableOfType(() -> temporal.deliver(Notifications.rotationTask()),
          WorkflowFailedException.class);

      ApplicationFailure failure = applicationFailure(e);
      assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .isEqualTo("notifications: refused by webhook (notification webhook: answered HTTP 400: invalid_payload for "
              + "POST [redacted])")
          .doesNotContain("s3cr3t");
      assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
    }
  }

  @Test
  void anUnreachableWebhookIsRetryableAndItsAddressStaysSecret() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    WebhookChannel channel =
        new WebhookChannel("http://127.0.0.1:" + closedPort + SECRET_PATH + "?token=q5ecr3t", Duration.ofSeconds(2));

    ApiCallException e = catchThrowableOfType(
        () -> channel.send(Notifications.rotationTask(), NotificationText.of(Notifications.rotationTask(), UI, "d")),
        ApiCallException.class);

    assertThat(e.kind()).isEqualTo(ApiCallException.Kind.UNAVAILABLE);
    assertThat(e.getMessage()).startsWith("notification webhook: could not be reached (")
        .doesNotContain("s3cr3t").doesNotContain("q5ecr3t");
  }

  @Test
  void aMalformedUrlIsRefusedAtStartupWithoutEchoingIt() {
    IllegalArgumentException e = catchThrowableOfType(
        () -> new WebhookChannel("hooks.slack.com/services/s3cr3t", Duration.ofSeconds(1)),
        IllegalArgumentException.class);

    assertThat(e.getMessage()).isEqualTo("scim-playbook.notify.webhook.url is not an http(s) URL");
  }
}
