package io.scimplaybook.api.input;

/**
 * What the worker's configuration knows about one SCIM source: which IdP feeds it and how to reach it. No secrets.
 *
 * @param entra present only for {@link Idp#ENTRA_ID}
 */
public record SourceProfile(
    String accountId, String sourceId, Idp idp, String displayName, String scimBaseUrl, EntraTarget entra) {

  public String probeUser() {
    return entra != null ? entra.probeUser() : "one assigned user";
  }
}
