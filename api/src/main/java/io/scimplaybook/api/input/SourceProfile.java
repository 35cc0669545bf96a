package io.scimplaybook.api.input;

/**
 * What the worker's configuration knows about one SCIM source: which IdP feeds it and how to reach it. No secrets.
 *
 * @param entra present only for {@link Idp#ENTRA_ID}
 * @param tenantUrl the SCIM tenant URL the IdP is given as {@code BaseAddress}; null means the one derived from
 *     {@code scimBaseUrl}, account and source (Cato's documented form)
 */
public record SourceProfile(
    String accountId, String sourceId, Idp idp, String displayName, String scimBaseUrl, EntraTarget entra,
    String tenantUrl) {

  public SourceProfile(
      String accountId, String sourceId, Idp idp, String displayName, String scimBaseUrl, EntraTarget entra) {
    this(accountId, sourceId, idp, displayName, scimBaseUrl, entra, null);
  }

  public String probeUser() {
    return entra != null ? entra.probeUser() : "one assigned user";
  }
}
