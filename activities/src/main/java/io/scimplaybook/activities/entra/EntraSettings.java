package io.scimplaybook.activities.entra;

import java.time.Duration;

/**
 * How the worker reaches Microsoft Graph: an app registration with a client secret (client-credentials grant). Base
 * URLs are settings so that tests and the sandbox can point them at loopback.
 *
 * @param loginBaseUrl the Entra token authority, default {@value #DEFAULT_LOGIN_BASE_URL}
 * @param graphBaseUrl the Graph version root, default {@value #DEFAULT_GRAPH_BASE_URL}
 * @param timeout per-call timeout, default 30 seconds
 */
public record EntraSettings(
    String loginBaseUrl, String graphBaseUrl, String tenantId, String clientId, String clientSecret, Duration timeout) {

  public static final String DEFAULT_LOGIN_BASE_URL = "https://login.microsoftonline.com";
  public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public EntraSettings {
    loginBaseUrl = withoutTrailingSlash(loginBaseUrl, DEFAULT_LOGIN_BASE_URL);
    graphBaseUrl = withoutTrailingSlash(graphBaseUrl, DEFAULT_GRAPH_BASE_URL);
    timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    // Fail when the worker starts, naming the setting (never its value), rather than on the first playbook run.
    requireText("tenantId", tenantId);
    requireText("clientId", clientId);
    requireText("clientSecret", clientSecret);
  }

  /** Production endpoints and the default timeout. */
  public static EntraSettings of(String tenantId, String clientId, String clientSecret) {
    return new EntraSettings(null, null, tenantId, clientId, clientSecret, null);
  }

  @Override
  public String toString() {
    return "EntraSettings[loginBaseUrl=" + loginBaseUrl + ", graphBaseUrl=" + graphBaseUrl + ", tenantId=" + tenantId
        + ", clientId=" + clientId + ", clientSecret=<hidden>, timeout=" + timeout + "]";
  }

  private static String withoutTrailingSlash(String url, String fallback) {
    String value = url == null || url.isBlank() ? fallback : url.strip();
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return value;
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Entra setting " + name + " is missing");
    }
  }
}
