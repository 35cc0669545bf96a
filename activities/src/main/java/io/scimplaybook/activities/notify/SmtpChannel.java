package io.scimplaybook.activities.notify;

import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.api.notify.Notification;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * A plain-text mail per notification. Its {@code Message-ID} is made from the idempotency key, so a mail system or a
 * reader's client that sees the same id twice knows it is one notification.
 */
public class SmtpChannel implements NotificationChannel {
  public static final String NAME = "email";
  static final String API = "SMTP";

  private final SmtpSettings settings;
  private final InternetAddress from;
  private final InternetAddress[] to;
  private final Session session;

  public SmtpChannel(SmtpSettings settings) {
    if (settings.host() == null || settings.host().isBlank()) {
      throw new IllegalArgumentException("scim-playbook.notify.smtp.host is not set");
    }
    this.settings = settings;
    this.from = address(settings.from(), "scim-playbook.notify.smtp.from");
    if (settings.to().isEmpty()) {
      throw new IllegalArgumentException("scim-playbook.notify.smtp.to names no recipient");
    }
    this.to = settings.to().stream().map(a -> address(a, "scim-playbook.notify.smtp.to")).toArray(InternetAddress[]::new);
    this.session = Session.getInstance(properties(settings));
  }

  private static InternetAddress address(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(setting + " is not set");
    }
    try {
      return new InternetAddress(value.strip(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(setting + " is not an e-mail address: '" + value + "'");
    }
  }

  private static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    String millis = String.valueOf(s.timeout().toMillis());
    String protocol = s.ssl() ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    p.put("mail." + protocol + ".host", s.host());
    p.put("mail." + protocol + ".port", String.valueOf(s.port()));
    p.put("mail." + protocol + ".auth", String.valueOf(s.authenticates()));
    p.put("mail." + protocol + ".connectiontimeout", millis);
    p.put("mail." + protocol + ".timeout", millis);
    p.put("mail." + protocol + ".writetimeout", millis);
    if (s.starttls()) {
      // Required, not merely enabled: a password must not cross the network in the clear because a server forgot TLS.
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    return p;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void send(Notification n, NotificationText text) {
    String messageId = messageId(n.idempotencyKey());
    try {
      MimeMessage mail = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", messageId);
        }
      };
      mail.setFrom(from);
      mail.setRecipients(Message.RecipientType.TO, to);
      mail.setSubject(text.subject(), StandardCharsets.UTF_8.name());
      mail.setText(text.body(), StandardCharsets.UTF_8.name());
      mail.setHeader("Idempotency-Key", n.idempotencyKey());
      if (settings.authenticates()) {
        Transport.send(mail, settings.username(), settings.password());
      } else {
        Transport.send(mail);
      }
    } catch (MessagingException e) {
      throw failure(e);
    }
  }

  /** RFC 5322 msg-id: {@code <key@scim-playbook>}, with anything that is not an atom character replaced. */
  static String messageId(String idempotencyKey) {
    return "<" + idempotencyKey.replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", "_") + "@scim-playbook>";
  }

  private ApiCallException failure(MessagingException e) {
    String where = settings.host() + ":" + settings.port();
    if (e instanceof AuthenticationFailedException) {
      return new ApiCallException(API, 0, Kind.AUTHENTICATION,
          where + " refused the login of " + settings.username() + " (scim-playbook.notify.smtp.username/password)");
    }
    int code = e instanceof SMTPSendFailedException s ? s.getReturnCode()
        : e instanceof SMTPAddressFailedException a ? a.getReturnCode()
        : e.getNextException() instanceof SMTPAddressFailedException a2 ? a2.getReturnCode() : 0;
    if (code >= 500) {
      return new ApiCallException(API, code, Kind.INVALID_REQUEST,
          where + " refused the mail (" + code + "): " + message(e));
    }
    if (code >= 400) {
      return new ApiCallException(API, code, Kind.UNAVAILABLE,
          where + " deferred the mail (" + code + "): " + message(e));
    }
    if (e instanceof SendFailedException) {
      return new ApiCallException(API, 0, Kind.INVALID_REQUEST, where + " refused the mail: " + message(e));
    }
    // Connection refused, timeouts, TLS that could not start: the server or the network may recover.
    return new ApiCallException(API, 0, Kind.UNAVAILABLE, where + " could not take the mail: " + message(e));
  }

  private String message(MessagingException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
    String text = e.getClass().getSimpleName() + ": " + e.getMessage()
        + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
    return Redaction.shorten(Redaction.redact(text.replaceAll("\\s+", " ").strip(), settings.password()), 300);
  }
}
