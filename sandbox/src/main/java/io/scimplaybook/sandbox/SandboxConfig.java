package io.scimplaybook.sandbox;

import java.util.Objects;

/**
 * Everything the sandbox needs to impersonate one Cato account with one SCIM source fed by one Entra ID enterprise
 * app (or an Okta, OneLogin or custom SCIM app, see {@link SandboxIdp}). The credentials here are sandbox-only values: the project's clients must be configured with the same ones.
 *
 * @param port TCP port on {@link #bindAddress}; 0 picks a free one
 * @param accountId the Cato account id ({@code accountID} / {@code accountIDs} in GraphQL, first SCIM path segment)
 * @param sourceId the SCIM source (the CMA's SCIM app), second SCIM path segment
 * @param catoApiKey the value the {@code x-api-key} header must carry
 * @param entraTenantId the tenant in {@code /{tenant}/oauth2/v2.0/token}
 * @param entraClientId the app registration the worker signs in as
 * @param entraClientSecret its client secret
 * @param servicePrincipalId the Cato enterprise app's service principal in Entra
 * @param jobId that service principal's synchronization job
 * @param probeObjectId the Entra object id of the one assigned user the playbook provisions on demand
 * @param probeUserPrincipalName that user's UPN (and userName at Cato)
 * @param scenario which failure story to play
 * @param bindAddress the interface to listen on; loopback unless the sandbox must be reachable from other containers
 * @param eventsNameSource whether SCIM failure events carry {@code resource_id} (the source id), {@code resource_name}
 *     and {@code resource_type}. Off by default: Cato's documentation does not promise any of them on SCIM events, so
 *     by default the events name their SCIM app only in {@code event_message}, Cato's description of the event
 * @param secondSourceId a second SCIM source of the same account (a healthy one), or null: with it, a failure event
 *     that names no source cannot be told apart by the account's "only source" and the worker must attribute it by
 *     its hints or deliver it to both sources' runs
 * @param idp which identity provider feeds the source ({@code --idp}); Entra ID unless told
 * @param okta the Okta org played when {@code idp} is Okta
 * @param onelogin the OneLogin account played when {@code idp} is OneLogin
 */
public record SandboxConfig(
    int port,
    String accountId,
    String sourceId,
    String catoApiKey,
    String entraTenantId,
    String entraClientId,
    String entraClientSecret,
    String servicePrincipalId,
    String jobId,
    String probeObjectId,
    String probeUserPrincipalName,
    Scenario scenario,
    String bindAddress,
    boolean eventsNameSource,
    String secondSourceId,
    SandboxIdp idp,
    OktaSandbox okta,
    OneLoginSandbox onelogin) {

  public static final int DEFAULT_PORT = 8089;
  public static final String LOOPBACK = "127.0.0.1";

  public SandboxConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(catoApiKey, "catoApiKey");
    Objects.requireNonNull(entraTenantId, "entraTenantId");
    Objects.requireNonNull(entraClientId, "entraClientId");
    Objects.requireNonNull(entraClientSecret, "entraClientSecret");
    Objects.requireNonNull(servicePrincipalId, "servicePrincipalId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(probeObjectId, "probeObjectId");
    Objects.requireNonNull(probeUserPrincipalName, "probeUserPrincipalName");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(idp, "idp");
    Objects.requireNonNull(okta, "okta");
    Objects.requireNonNull(onelogin, "onelogin");
  }

  /** The demo's values; the worker's sandbox profile uses the same ones. */
  public static SandboxConfig defaults() {
    return new SandboxConfig(
        DEFAULT_PORT,
        "12345",
        "7",
        "sandbox-cato-api-key",
        "8f0c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        "0f1e2d3c-4b5a-4969-8695-a4b3c2d1e0f9",
        "sandbox-entra-client-secret",
        "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
        "scim.8f0c2d3e5a6b4c7d8e9f0a1b2c3d4e5f.5d6e7f80-9a1b-4c2d-8e3f-405162738495",
        "3f2a6c1e-8b4d-4e7a-9c5f-1d2e3f4a5b6c",
        "probe.user@example.com",
        Scenario.TOKEN_MISMATCH,
        LOOPBACK,
        false,
        null,
        SandboxIdp.ENTRA,
        OktaSandbox.defaults(),
        OneLoginSandbox.defaults());
  }

  public SandboxConfig withPort(int newPort) {
    return new SandboxConfig(
        newPort, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, scenario, bindAddress, eventsNameSource, secondSourceId, idp, okta, onelogin);
  }

  public SandboxConfig withScenario(Scenario newScenario) {
    return new SandboxConfig(
        port, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, newScenario, bindAddress, eventsNameSource, secondSourceId, idp, okta, onelogin);
  }

  public SandboxConfig withBindAddress(String newBindAddress) {
    return new SandboxConfig(
        port, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, scenario, newBindAddress, eventsNameSource, secondSourceId, idp, okta, onelogin);
  }

  /** Events that carry resource_id / resource_name / resource_type, as the sandbox sent before Cato's docs were read. */
  public SandboxConfig withEventsNamingSource(boolean on) {
    return new SandboxConfig(
        port, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, scenario, bindAddress, on, secondSourceId, idp, okta, onelogin);
  }

  /** A second, healthy SCIM source in the same account; null for none. */
  public SandboxConfig withSecondSource(String id) {
    if (id != null && (id.equals(sourceId) || !id.matches("[A-Za-z0-9_.]{1,64}"))) {
      throw new IllegalArgumentException("the second source id must be 1-64 letters, digits, '_' or '.' and differ from "
          + sourceId + ", got '" + id + "'");
    }
    return new SandboxConfig(
        port, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, scenario, bindAddress, eventsNameSource, id, idp, okta, onelogin);
  }

  /** Which IdP feeds the source: its API, its log format and which steps are left to a person. */
  public SandboxConfig withIdp(SandboxIdp newIdp) {
    return new SandboxConfig(
        port, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, scenario, bindAddress, eventsNameSource,
        secondSourceId, newIdp, okta, onelogin);
  }

  public SandboxConfig withOkta(OktaSandbox newOkta) {
    return new SandboxConfig(
        port, accountId, sourceId, catoApiKey, entraTenantId, entraClientId, entraClientSecret,
        servicePrincipalId, jobId, probeObjectId, probeUserPrincipalName, scenario, bindAddress, eventsNameSource,
        secondSourceId, idp, newOkta, onelogin);
  }

  /** The path Entra's BaseAddress must end with for this source. */
  public String scimPath() {
    return "/scim/v2/" + accountId + "/" + sourceId;
  }

  /** Keeps the API key and client secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "SandboxConfig[port=" + port + ", accountId=" + accountId + ", sourceId=" + sourceId
        + ", entraTenantId=" + entraTenantId + ", entraClientId=" + entraClientId
        + ", servicePrincipalId=" + servicePrincipalId + ", jobId=" + jobId
        + ", probeUserPrincipalName=" + probeUserPrincipalName + ", scenario=" + scenario
        + ", bindAddress=" + bindAddress + ", eventsNameSource=" + eventsNameSource + ", secondSourceId="
        + secondSourceId + ", idp=" + idp + ", okta=" + okta + ", onelogin=" + onelogin + "]";
  }
}
