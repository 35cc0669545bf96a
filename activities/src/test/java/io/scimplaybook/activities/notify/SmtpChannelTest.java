package io.scimplaybook.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.api.notify.NotificationResult;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP channel against GreenMail, a real SMTP server in this JVM (on a free port: builds run side by side). */
class SmtpChannelTest {
  private static final String PASSWORD = "pa55w0rd-s3cr3t";

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier@example.com", "notifier", PASSWORD));

  private static SmtpSettings settings(int port, String password) {
    // No STARTTLS: GreenMail's plain SMTP port does not offer it, and a relay on a trusted network may not either.
    return new SmtpSettings("127.0.0.1", port, "notifier", password, "scim-playbook <notifier@example.com>",
        List.of("oncall@example.com", "idp-admins@example.com"), false, false, Duration.ofSeconds(5));
  }

  private static SmtpChannel channel(String password) {
    return new SmtpChannel(settings(mail.getSmtp().getPort(), password));
  }

  @Test
  void aTaskBecomesAPlainTextMailWhoseMessageIdIsTheIdempotencyKey() throws Exception {
    NotificationActivitiesImpl activities = new NotificationActivitiesImpl(List.of(channel(PASSWORD)),
        "http://temporal-ui.example.com/");
    try (NotifyServer temporal = new NotifyServer(activities)) {
      NotificationResult result = temporal.deliver(Notifications.rotationTask());

      assertThat(result.delivered()).containsExactly("email");
      MimeMessage[] received = mail.getReceivedMessages();
      assertThat(received).as("one copy per recipient").hasSize(2);
      MimeMessage m = received[0];
      assertThat(m.getHeader("Message-ID")).containsExactly("<scim-playbook-12345-7/t1@scim-playbook>");
      assertThat(m.getHeader("Idempotency-Key")).containsExactly("scim-playbook-12345-7/t1");
      assertThat(m.getSubject())
          .isEqualTo("[scim-playbook] A person is needed: Approve a new SCIM token for Contoso Entra ID");
      assertThat(m.getFrom()[0].toString()).isEqualTo("scim-playbook <notifier@example.com>");
      assertThat(m.getAllRecipients()).extracting(Object::toString)
          .containsExactly("oncall@example.com", "idp-admins@example.com");
      assertThat(m.getContentType()).startsWith("text/plain");
      assertThat(((String) m.getContent()).replace("\r\n", "\n"))
          .contains("Task t1 (APPROVE_ROTATION) of run scim-playbook-12345-7")
          .contains("  " + Notifications.APPROVE + "\n")
          .contains("The run in the Temporal UI: http://temporal-ui.example.com/namespaces/" + temporal.namespace()
              + "/workflows/scim-playbook-12345-7");
    }
  }

  @Test
  void theEscalationMailHasItsOwnMessageId() throws Exception {
    channel(PASSWORD).send(Notifications.escalation(),
        NotificationText.of(Notifications.escalation(), "", "default"));

    MimeMessage m = mail.getReceivedMessages()[0];
    assertThat(m.getHeader("Message-ID")).containsExactly("<scim-playbook-12345-7/escalation@scim-playbook>");
    assertThat(m.getSubject()).isEqualTo("[scim-playbook] Escalated: account 12345, source 7");
    assertThat((String) m.getContent()).contains("Why: Token rotation was rejected by bob")
        .doesNotContain("Temporal UI");
  }

  @Test
  void aRefusedLoginIsFinalAndTheExceptionNamesTheSettingNotThePassword() {
    String wrong = "wr0ng-s3cr3t-password";
    ApiCallException e = catchThrowableOfType(() -> channel(wrong).send(Notifications.rotationTask(),
        NotificationText.of(Notifications.rotationTask(), null, "default")), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(ApiCallException.Kind.AUTHENTICATION);
    assertThat(e.getMessage()).contains("refused the login of notifier", "scim-playbook.notify.smtp.username/password")
        .doesNotContain(wrong).doesNotContain(PASSWORD);
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerThatIsDownIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmtpChannel down = new SmtpChannel(settings(closedPort, PASSWORD));

    ApiCallException e = catchThrowableOfType(() -> down.send(Notifications.rotationTask(),
        NotificationText.of(Notifications.rotationTask(), null, "default")), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(ApiCallException.Kind.UNAVAILABLE);
    assertThat(e.getMessage()).startsWith("SMTP: 127.0.0.1:" + closedPort + " could not take the mail")
        .doesNotContain(PASSWORD);
  }

  @Test
  void incompleteSettingsAreRefusedNamingTheSetting() {
    SmtpSettings noFrom = new SmtpSettings("smtp.example.com", 587, null, null, null, List.of("a@example.com"), true,
        false, Duration.ofSeconds(5));
    SmtpSettings badTo = new SmtpSettings("smtp.example.com", 587, null, null, "n@example.com", List.of("not an address"),
        true, false, Duration.ofSeconds(5));
    SmtpSettings noTo = new SmtpSettings("smtp.example.com", 587, null, null, "n@example.com", List.of(), true, false,
        Duration.ofSeconds(5));

    assertThat(catchThrowableOfType(() -> new SmtpChannel(noFrom), IllegalArgumentException.class))
        .hasMessage("scim-playbook.notify.smtp.from is not set");
    assertThat(catchThrowableOfType(() -> new SmtpChannel(badTo), IllegalArgumentException.class))
        .hasMessage("scim-playbook.notify.smtp.to is not an e-mail address: 'not an address'");
    assertThat(catchThrowableOfType(() -> new SmtpChannel(noTo), IllegalArgumentException.class))
        .hasMessage("scim-playbook.notify.smtp.to names no recipient");
  }

  @Test
  void settingsNeverPrintThePassword() {
    assertThat(settings(25, PASSWORD).toString()).doesNotContain(PASSWORD).contains("password=<hidden>");
  }
}
