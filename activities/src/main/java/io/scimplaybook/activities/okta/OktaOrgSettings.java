package io.scimplaybook.activities.okta;

import java.time.Duration;

/**
 * How the worker reaches one Okta org: an API token ({@code Authorization: SSWS ...}) or an OAuth service app
 * (client id + private key, {@code private_key_jwt}, scopes such as {@code okta.logs.read okta.apps.manage}). Exactly
 * one of the two is set. Sources name the org by {@code url} ({@code OktaTarget.orgUrl}).
 *
 * @param url the org, e.g. {@code https://example.okta.com}; tests and the sandbox point it at loopback
 * @param privateKeyPem the service app's PKCS#8 private key (PEM), for the client assertion
 * @param keyId the key's {@code kid} registered with the service app; optional
 */
public record OktaOrgSettings(
    String url, String apiToken, String clientId, String privateKeyPem, String keyId, String scopes,
    Duration timeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public OktaOrgSettings {
    timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
  }

  public boolean usesApiToken() {
    return apiToken != null && !apiToken.isBlank();
  }

  @Override
  public String toString() {
    return "OktaOrgSettings[url=" + url + ", clientId=" + clientId + ", keyId=" + keyId + ", scopes=" + scopes
        + ", apiToken=<hidden>, privateKeyPem=<hidden>, timeout=" + timeout + "]";
  }
}
