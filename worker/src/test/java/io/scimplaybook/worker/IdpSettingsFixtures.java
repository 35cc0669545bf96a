package io.scimplaybook.worker;

import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.secrets.TokenSeal;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Worker settings for Okta and OneLogin sources, as tests of the startup checks and the report need them. */
final class IdpSettingsFixtures {
  static final String OKTA_URL = "https://acme.okta.com";
  static final String ONELOGIN_URL = "https://acme.onelogin.com";
  static final String API_TOKEN = "00aBcDeFgHiJkLmNoPqRsTuVwXyZ-okta-token";
  static final String CLIENT_SECRET = "onelogin-client-secret-do-not-print";
  static final String PEM = pkcs8Pem();

  private IdpSettingsFixtures() {}

  static WorkerProperties properties(
      List<WorkerProperties.Source> sources, List<WorkerProperties.OktaOrg> orgs,
      List<WorkerProperties.OneLoginAccount> accounts) {
    return new WorkerProperties(
        new WorkerProperties.Cato("http://127.0.0.1:1/api/v1/graphql2", "cato-key", "http://127.0.0.1:1/scim/v2",
            Duration.ofSeconds(5)),
        null, TokenSeal.newBase64Key(), Path.of("escalations"), sources,
        new WorkerProperties.Okta(orgs), new WorkerProperties.OneLogin(accounts));
  }

  static WorkerProperties.Source okta(String sourceId, String orgUrl, String appId, String probeUserId) {
    return new WorkerProperties.Source("12345", sourceId, Idp.OKTA, null, null, null, null, null, "probe@acme.com",
        null, orgUrl, appId, probeUserId, null, null, null);
  }

  static WorkerProperties.Source onelogin(String sourceId, String apiUrl, String appId, String probeUserId) {
    return new WorkerProperties.Source("12345", sourceId, Idp.ONELOGIN, null, null, null, null, null,
        "probe@acme.com", null, null, null, null, apiUrl, appId, probeUserId);
  }

  static WorkerProperties.Source custom(String sourceId) {
    return new WorkerProperties.Source("12345", sourceId, Idp.CUSTOM, null, null, null, null, null, null, null);
  }

  static WorkerProperties.OktaOrg tokenOrg(String url) {
    return new WorkerProperties.OktaOrg(url, API_TOKEN, null, null, null, null, null);
  }

  static WorkerProperties.OktaOrg serviceAppOrg(String url, String clientId, String privateKey) {
    return new WorkerProperties.OktaOrg(url, null, clientId, privateKey, "kid-1", null, null);
  }

  static WorkerProperties.OneLoginAccount account(String url, String clientId, String clientSecret) {
    return new WorkerProperties.OneLoginAccount(url, clientId, clientSecret, null);
  }

  /** A fresh RSA key as Okta's service-app docs have one exported: unencrypted PKCS#8 PEM. */
  private static String pkcs8Pem() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
      return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
