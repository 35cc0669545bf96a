package io.scimplaybook.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channels together: off when none, once per channel across Temporal's retries, one refusal not holding the rest. */
class NotificationActivitiesImplTest {
  private MockWebServer webhook;

  @BeforeEach
  void setUp() throws IOException {
    webhook = new MockWebServer();
    webhook.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    webhook.shutdown();
  }

  /** A mail server that is down for the first {@code failures} attempts. */
  static final class FlakyMail implements NotificationChannel {
    final AtomicInteger calls = new AtomicInteger();
    final List<String> sent = new CopyOnWriteArrayList<>();
    private final int failures;

    FlakyMail(int failures) {
      this.failures = failures;
    }

    @Override
    public String name() {
      return "email";
    }

    @Override
    public void send(Notification n, NotificationText text) {
      if (calls.incrementAndGet() <= failures) {
        throw new ApiCallException("SMTP", 0, ApiCallException.Kind.UNAVAILABLE, "connection refused");
      }
      sent.add(n.idempotencyKey());
    }
  }

  private WebhookChannel webhookChannel() {
    return new WebhookChannel(webhook.url("/hook").toString(), Duration.ofSeconds(5));
  }

  @Test
  void withoutChannelsNotificationsAreOffAndSaySoWithoutFailing() {
    try (NotifyServer temporal = new NotifyServer(new NotificationActivitiesImpl(List.of(), "http://localhost:8233"))) {
      NotificationResult result = temporal.deliver(Notifications.rotationTask());

      assertThat(result.delivered()).isEmpty();
      assertThat(result.note()).startsWith("notifications are off: no channel is configured");
    }
  }

  @Test
  void aRetryDoesNotPostAgainThroughAChannelThatAlreadyDelivered() throws Exception {
    webhook.enqueue(new MockResponse().setBody("ok"));
    webhook.enqueue(new MockResponse().setBody("ok"));
    FlakyMail mail = new FlakyMail(2);
    try (NotifyServer temporal =
        new NotifyServer(new NotificationActivitiesImpl(List.of(webhookChannel(), mail), "http://localhost:8233"))) {
      NotificationResult result = temporal.deliver(Notifications.rotationTask());

      assertThat(result.delivered()).containsExactly("webhook", "email");
      assertThat(mail.calls).as("three attempts").hasValue(3);
      assertThat(mail.sent).containsExactly("scim-playbook-12345-7/t1");
      assertThat(webhook.getRequestCount()).as("the webhook delivered on the first attempt only").isEqualTo(1);
    }
  }

  @Test
  void aChannelThatRefusesForGoodDoesNotHoldBackTheOthers() {
    webhook.enqueue(new MockResponse().setResponseCode(404).setBody("no_service"));
    FlakyMail mail = new FlakyMail(1);
    try (NotifyServer temporal =
        new NotifyServer(new NotificationActivitiesImpl(List.of(webhookChannel(), mail), "http://localhost:8233"))) {
      NotificationResult result = temporal.deliver(Notifications.escalation());

      assertThat(result.delivered()).containsExactly("email");
      assertThat(result.note()).isEqualTo("refused by webhook (notification webhook: answered HTTP 404: no_service)");
      assertThat(webhook.getRequestCount()).as("a refusal is not retried with the mail").isEqualTo(1);
      assertThat(mail.sent).containsExactly("scim-playbook-12345-7/escalation");
    }
  }
}
