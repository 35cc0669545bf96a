package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.okta.OktaOrgSettings;
import io.scimplaybook.activities.onelogin.OneLoginSettings;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the worker needs to reach Cato and the IdPs. Keys and secrets come from the environment; nothing here
 * ever enters a workflow's input or history. A worker needs credentials only for the IdPs its sources use
 * ({@link IdpCredentials} checks them and says at startup what is missing).
 *
 * @param okta the Okta orgs this worker reaches, each by its URL (sources name theirs with okta-org-url)
 * @param onelogin the OneLogin accounts this worker reaches, each by its API URL (sources: onelogin-api-url)
 */
@ConfigurationProperties("scim-playbook")
public record WorkerProperties(
    Cato cato, Entra entra, String sealKey, @DefaultValue("escalations") Path escalationDir, List<Source> sources,
    Okta okta, OneLogin onelogin) {

  @ConstructorBinding
  public WorkerProperties {}

  /** A worker for Entra ID and custom sources only, as before Okta and OneLogin had settings. */
  public WorkerProperties(Cato cato, Entra entra, String sealKey, Path escalationDir, List<Source> sources) {
    this(cato, entra, sealKey, escalationDir, sources, null, null);
  }

  /** @param orgs one entry per Okta org; a source finds its org by {@code url} */
  public record Okta(List<OktaOrg> orgs) {
    public Okta {
      orgs = orgs == null ? List.of() : List.copyOf(orgs);
    }
  }

  /**
   * One Okta org: an API token ({@code SSWS}) or an OAuth service app (client id + PKCS#8 private key), not both.
   *
   * @param scopes the service app's scopes; empty means the Okta port's default (okta.logs.read okta.apps.read
   *     okta.apps.manage)
   */
  public record OktaOrg(
      String url, String apiToken, String clientId, String privateKey, String keyId, String scopes,
      @DefaultValue("30s") Duration timeout) {

    OktaOrgSettings settings() {
      return new OktaOrgSettings(url == null ? null : url.strip(), blankToNull(apiToken), blankToNull(clientId),
          blankToNull(privateKey), blankToNull(keyId), blankToNull(scopes), timeout);
    }

    @Override
    public String toString() {
      return "OktaOrg[url=" + url + ", clientId=" + clientId + ", keyId=" + keyId + ", scopes=" + scopes
          + ", apiToken=<hidden>, privateKey=<hidden>, timeout=" + timeout + "]";
    }
  }

  /** @param accounts one entry per OneLogin account; a source finds its account by {@code url} */
  public record OneLogin(List<OneLoginAccount> accounts) {
    public OneLogin {
      accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
  }

  /** One OneLogin account's API credentials (OAuth2 client credentials). */
  public record OneLoginAccount(String url, String clientId, String clientSecret, @DefaultValue("30s") Duration timeout) {

    OneLoginSettings settings() {
      return new OneLoginSettings(url == null ? null : url.strip(), blankToNull(clientId), blankToNull(clientSecret),
          timeout);
    }

    @Override
    public String toString() {
      return "OneLoginAccount[url=" + url + ", clientId=" + clientId + ", clientSecret=<hidden>, timeout=" + timeout
          + "]";
    }
  }

  /**
   * @param sourceIdField the eventsFeed {@code fieldsMap} key read as the SCIM source id (default {@code resource_id});
   *     Cato does not document one for SCIM events, so a record without it is attributed from its hints
   */
  public record Cato(
      @DefaultValue("https://api.catonetworks.com/api/v1/graphql2") String graphqlUrl,
      String apiKey,
      @DefaultValue("https://scimservice.catonetworks.com:4443/scim/v2") String scimBaseUrl,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue(CatoGraphqlClient.SOURCE_ID_FIELD) String sourceIdField) {

    @ConstructorBinding
    public Cato {}

    public Cato(String graphqlUrl, String apiKey, String scimBaseUrl, Duration timeout) {
      this(graphqlUrl, apiKey, scimBaseUrl, timeout, CatoGraphqlClient.SOURCE_ID_FIELD);
    }

    @Override
    public String toString() {
      return "Cato[graphqlUrl=" + graphqlUrl + ", scimBaseUrl=" + scimBaseUrl + ", sourceIdField=" + sourceIdField
          + ", apiKey=<hidden>]";
    }
  }

  public record Entra(
      @DefaultValue("https://login.microsoftonline.com") String loginBaseUrl,
      @DefaultValue("https://graph.microsoft.com/v1.0") String graphBaseUrl,
      String tenantId,
      String clientId,
      String clientSecret,
      @DefaultValue("30s") Duration timeout) {
    @Override
    public String toString() {
      return "Entra[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=<hidden>]";
    }

    /** The credential settings, by their property names under scim-playbook.entra. */
    public static final List<String> CREDENTIALS = List.of("tenant-id", "client-id", "client-secret");

    /** The credential settings left unset; blank counts as unset, as an empty environment variable leaves them. */
    public List<String> missingCredentials() {
      List<String> missing = new ArrayList<>();
      if (tenantId == null || tenantId.isBlank()) missing.add("tenant-id");
      if (clientId == null || clientId.isBlank()) missing.add("client-id");
      if (clientSecret == null || clientSecret.isBlank()) missing.add("client-secret");
      return missing;
    }
  }

  /**
   * One SCIM source (IdP connection) of one Cato account. The IdP's target is the fields named after it; probe-user
   * is the probe user's readable login for every IdP.
   *
   * @param oktaOrgUrl the Okta org ({@code scim-playbook.okta.orgs[].url} holds its credentials)
   * @param oktaAppId the Cato app's id in Okta
   * @param oktaProbeUserId the Okta user id of one user assigned to the app, pushed to test provisioning
   * @param oneloginApiUrl the OneLogin account's API URL ({@code scim-playbook.onelogin.accounts[].url})
   * @param oneloginAppId the Cato app's id in OneLogin
   * @param oneloginProbeUserId the OneLogin user id of one user assigned to the app
   */
  public record Source(
      String accountId,
      String sourceId,
      @DefaultValue("ENTRA_ID") Idp idp,
      String displayName,
      String servicePrincipalId,
      String jobId,
      String ruleId,
      String probeObjectId,
      String probeUser,
      String tenantUrl,
      String oktaOrgUrl,
      String oktaAppId,
      String oktaProbeUserId,
      String oneloginApiUrl,
      String oneloginAppId,
      String oneloginProbeUserId) {

    @ConstructorBinding
    public Source {}

    /** An Entra ID or custom source, as configured before Okta and OneLogin had targets. */
    public Source(String accountId, String sourceId, Idp idp, String displayName, String servicePrincipalId,
        String jobId, String ruleId, String probeObjectId, String probeUser, String tenantUrl) {
      this(accountId, sourceId, idp, displayName, servicePrincipalId, jobId, ruleId, probeObjectId, probeUser,
          tenantUrl, null, null, null, null, null, null);
    }

    /** "12345/7", how the startup report and its messages name the source. */
    String name() {
      return accountId + "/" + sourceId;
    }

    SourceProfile toProfile(String scimBaseUrl, String entraTenantId) {
      EntraTarget entra = idp == Idp.ENTRA_ID
          ? new EntraTarget(servicePrincipalId, jobId, ruleId, probeObjectId, probeUser, entraTenantId) : null;
      OktaTarget okta = idp == Idp.OKTA
          ? new OktaTarget(strip(oktaOrgUrl), blankToNull(oktaAppId), blankToNull(oktaProbeUserId), probeUser) : null;
      OneLoginTarget onelogin = idp == Idp.ONELOGIN
          ? new OneLoginTarget(strip(oneloginApiUrl), blankToNull(oneloginAppId), blankToNull(oneloginProbeUserId),
              probeUser)
          : null;
      String name = displayName == null ? idp.displayName() + " source " + sourceId : displayName;
      // What is automated is left unsaid (null) here: describeSource asks the IdP's port at each run's start.
      return new SourceProfile(accountId, sourceId, idp, name, scimBaseUrl, entra, tenantUrl, okta, onelogin, null,
          null);
    }
  }

  /** Empty environment variables leave settings as "", which means unset. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String strip(String value) {
    return blankToNull(value) == null ? null : value.strip();
  }

  @Override
  public String toString() {
    return "WorkerProperties[cato=" + cato + ", entra=" + entra + ", okta=" + okta + ", onelogin=" + onelogin
        + ", sealKey=<hidden>, escalationDir=" + escalationDir + ", sources=" + sources + "]";
  }
}
