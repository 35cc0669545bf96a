package io.scimplaybook.worker;

import io.scimplaybook.activities.notify.NotificationActivitiesImpl;
import io.scimplaybook.activities.notify.NotificationChannel;
import io.scimplaybook.activities.notify.SmtpChannel;
import io.scimplaybook.activities.notify.SmtpSettings;
import io.scimplaybook.activities.notify.WebhookChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the worker tells people that a run needs them or escalated. Each channel is on when its address is set; with
 * none, notifications are off (the activity answers so, and runs go on as before). The webhook URL and the SMTP
 * password are credentials: from the environment, never printed.
 *
 * @param uiBaseUrl the Temporal UI's address for the deep link to a run; docker-compose's UI is on
 *     {@code http://localhost:8233}; blank sends no link (the demo's embedded server has no UI)
 */
@ConfigurationProperties("scim-playbook.notify")
public record NotifyProperties(@DefaultValue("http://localhost:8233") String uiBaseUrl, Webhook webhook, Smtp smtp) {

  /** A Slack or Teams incoming webhook, or any endpoint that takes {@code {"text": ...}}. */
  public record Webhook(String url, @DefaultValue("10s") Duration timeout) {
    boolean configured() {
      return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
      return "Webhook[url=" + (configured() ? "<hidden>" : "") + ", timeout=" + timeout + "]";
    }
  }

  /**
   * @param to recipients; in the environment a comma-separated list
   * @param starttls require STARTTLS (port 587); false only for a relay on a trusted network
   * @param ssl TLS from the first byte (port 465)
   */
  public record Smtp(
      String host,
      @DefaultValue("587") int port,
      String username,
      String password,
      String from,
      List<String> to,
      @DefaultValue("true") boolean starttls,
      @DefaultValue("false") boolean ssl,
      @DefaultValue("10s") Duration timeout) {
    boolean configured() {
      return host != null && !host.isBlank();
    }

    SmtpSettings settings() {
      List<String> recipients = to == null ? List.of() : to.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      return new SmtpSettings(host.strip(), port, blankToNull(username), password, from, recipients, starttls, ssl,
          timeout);
    }

    @Override
    public String toString() {
      return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", password=<hidden>, from=" + from
          + ", to=" + to + ", starttls=" + starttls + ", ssl=" + ssl + "]";
    }
  }

  /** The configured channels; a half-configured one (mail without a sender, say) stops the worker, naming it. */
  public NotificationActivitiesImpl activities() {
    List<NotificationChannel> channels = new ArrayList<>();
    if (webhook != null && webhook.configured()) {
      channels.add(new WebhookChannel(webhook.url(), webhook.timeout()));
    }
    if (smtp != null && smtp.configured()) {
      channels.add(new SmtpChannel(smtp.settings()));
    }
    return new NotificationActivitiesImpl(channels, uiBaseUrl);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
