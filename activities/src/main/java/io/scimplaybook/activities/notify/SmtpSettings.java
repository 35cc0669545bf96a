package io.scimplaybook.activities.notify;

import java.time.Duration;
import java.util.List;

/**
 * Where mail goes and how the worker logs in to send it.
 *
 * @param starttls require STARTTLS before logging in (port 587); false only for a relay on a trusted network
 * @param ssl TLS from the first byte (port 465)
 */
public record SmtpSettings(
    String host, int port, String username, String password, String from, List<String> to, boolean starttls,
    boolean ssl, Duration timeout) {

  public SmtpSettings {
    to = to == null ? List.of() : List.copyOf(to);
  }

  boolean authenticates() {
    return username != null && !username.isBlank();
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password=<hidden>, from="
        + from + ", to=" + to + ", starttls=" + starttls + ", ssl=" + ssl + ", timeout=" + timeout + "]";
  }
}
