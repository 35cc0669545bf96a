package io.scimplaybook.activities.onelogin;

import java.time.Duration;

/**
 * How the worker reaches one OneLogin account: API credentials (client id and secret, OAuth2 client credentials at
 * {@code POST /auth/oauth2/v2/token}). Sources name the account by {@code url} ({@code OneLoginTarget.apiUrl}).
 *
 * @param url the account's API host, e.g. {@code https://example.onelogin.com}; tests and the sandbox use loopback
 */
public record OneLoginSettings(String url, String clientId, String clientSecret, Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public OneLoginSettings {
    timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
  }

  @Override
  public String toString() {
    return "OneLoginSettings[url=" + url + ", clientId=" + clientId + ", clientSecret=<hidden>, timeout=" + timeout + "]";
  }
}
