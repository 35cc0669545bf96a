package io.scimplaybook.worker;

import io.scimplaybook.activities.okta.OktaOrgSettings;
import io.scimplaybook.activities.onelogin.OneLoginSettings;
import io.scimplaybook.api.input.Idp;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Okta and OneLogin credentials this worker holds, checked once at startup. Missing credentials are not an error
 * (the sources that need them get operator tasks, and {@link CredentialReport} says so); a malformed setting is: a
 * URL that is not one, two ways to sign in to one org, half a credential, a private key that does not read. Messages
 * name the setting, never its value unless it is a URL.
 *
 * @param oktaOrgs the orgs with complete credentials, for the Okta port
 * @param oneloginAccounts the accounts with complete credentials, for the OneLogin port
 */
record IdpCredentials(List<OktaOrgSettings> oktaOrgs, List<OneLoginSettings> oneloginAccounts) {

  static IdpCredentials check(WorkerProperties p) {
    List<WorkerProperties.Source> sources = p.sources() == null ? List.of() : p.sources();
    sources.forEach(IdpCredentials::checkSource);
    return new IdpCredentials(
        oktaOrgs(p.okta() == null ? List.of() : p.okta().orgs()),
        oneloginAccounts(p.onelogin() == null ? List.of() : p.onelogin().accounts()));
  }

  /** Whether the worker has complete credentials for the org at this URL. */
  boolean hasOkta(String orgUrl) {
    return oktaOrgs.stream().anyMatch(o -> sameUrl(o.url(), orgUrl));
  }

  boolean hasOneLogin(String apiUrl) {
    return oneloginAccounts.stream().anyMatch(a -> sameUrl(a.url(), apiUrl));
  }

  /**
   * An IdP's target on a source of another IdP is almost always a forgotten {@code idp:} line (it defaults to
   * ENTRA_ID), which would silently make an Okta source an Entra one.
   */
  private static void checkSource(WorkerProperties.Source s) {
    String where = "scim-playbook.sources[" + s.name() + "]";
    boolean okta = set(s.oktaOrgUrl()) || set(s.oktaAppId()) || set(s.oktaProbeUserId());
    boolean onelogin = set(s.oneloginApiUrl()) || set(s.oneloginAppId()) || set(s.oneloginProbeUserId());
    if (okta && s.idp() != Idp.OKTA) {
      throw new IllegalStateException(where + " sets okta-* settings but its idp is " + s.idp()
          + (s.idp() == Idp.ENTRA_ID ? " (the default)" : "") + ": add idp: OKTA, or remove them");
    }
    if (onelogin && s.idp() != Idp.ONELOGIN) {
      throw new IllegalStateException(where + " sets onelogin-* settings but its idp is " + s.idp()
          + (s.idp() == Idp.ENTRA_ID ? " (the default)" : "") + ": add idp: ONELOGIN, or remove them");
    }
    if (set(s.oktaOrgUrl())) {
      requireUrl(where + ".okta-org-url", s.oktaOrgUrl());
    }
    if (set(s.oneloginApiUrl())) {
      requireUrl(where + ".onelogin-api-url", s.oneloginApiUrl());
    }
  }

  private static List<OktaOrgSettings> oktaOrgs(List<WorkerProperties.OktaOrg> orgs) {
    List<OktaOrgSettings> complete = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < orgs.size(); i++) {
      WorkerProperties.OktaOrg org = orgs.get(i);
      requireUrl("scim-playbook.okta.orgs[" + i + "].url", org.url());
      String where = "scim-playbook.okta.orgs[url=" + org.url().strip() + "]";
      if (!seen.add(key(org.url()))) {
        throw new IllegalStateException(where + " is configured twice: keep one entry per org");
      }
      boolean token = set(org.apiToken());
      boolean serviceApp = set(org.clientId()) || set(org.privateKey());
      if (token && serviceApp) {
        throw new IllegalStateException(where + " sets both api-token and client-id/private-key: keep one, the API "
            + "token or the OAuth service app");
      }
      if (serviceApp && !(set(org.clientId()) && set(org.privateKey()))) {
        throw new IllegalStateException(where + (set(org.clientId()) ? ".private-key" : ".client-id")
            + " is not set: an OAuth service app needs both client-id and private-key");
      }
      if (serviceApp) {
        requirePkcs8(where + ".private-key", org.privateKey());
      }
      if (token || serviceApp) {
        complete.add(org.settings());
      }
    }
    return List.copyOf(complete);
  }

  private static List<OneLoginSettings> oneloginAccounts(List<WorkerProperties.OneLoginAccount> accounts) {
    List<OneLoginSettings> complete = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < accounts.size(); i++) {
      WorkerProperties.OneLoginAccount account = accounts.get(i);
      requireUrl("scim-playbook.onelogin.accounts[" + i + "].url", account.url());
      String where = "scim-playbook.onelogin.accounts[url=" + account.url().strip() + "]";
      if (!seen.add(key(account.url()))) {
        throw new IllegalStateException(where + " is configured twice: keep one entry per account");
      }
      if (set(account.clientId()) != set(account.clientSecret())) {
        throw new IllegalStateException(where + (set(account.clientId()) ? ".client-secret" : ".client-id")
            + " is not set: OneLogin's API credentials are both client-id and client-secret");
      }
      if (set(account.clientId())) {
        complete.add(account.settings());
      }
    }
    return List.copyOf(complete);
  }

  /** An http(s) URL with a host; the value is shown, as a URL is not a secret and the operator must find the typo. */
  private static void requireUrl(String setting, String value) {
    if (!set(value)) {
      throw new IllegalStateException(setting + " is not set");
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // falls through to the one message
    }
    throw new IllegalStateException(setting + " is not an http(s) URL: \"" + value.strip() + "\"");
  }

  /** What the Okta port reads (an unencrypted PKCS#8 RSA key), checked now so a bad key is a startup error. */
  private static void requirePkcs8(String setting, String pem) {
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalStateException(setting + " must be an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); "
          + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
      KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // The exception's own message could quote key material; only its kind is named.
      throw new IllegalStateException(setting + " is not a PKCS#8 RSA private key in PEM ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  static boolean sameUrl(String a, String b) {
    return a != null && b != null && key(a).equals(key(b));
  }

  /** Org URLs compare without case and trailing slashes: https://Acme.okta.com/ is https://acme.okta.com. */
  private static String key(String url) {
    String stripped = url.strip().toLowerCase(Locale.ROOT);
    while (stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
