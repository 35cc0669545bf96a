package io.scimplaybook.api.input;

/** The identity providers Cato documents for SCIM; only Entra ID exposes every playbook step as an API. */
public enum Idp {
  ENTRA_ID("Entra ID", true),
  OKTA("Okta", false),
  ONELOGIN("OneLogin", false),
  CUSTOM("Custom SCIM app", false);

  private final String displayName;
  private final boolean provisioningApi;

  Idp(String displayName, boolean provisioningApi) {
    this.displayName = displayName;
    this.provisioningApi = provisioningApi;
  }

  public String displayName() {
    return displayName;
  }

  /** Whether provision-on-demand, test-connection and save-credentials can be called; otherwise they are operator tasks. */
  public boolean hasProvisioningApi() {
    return provisioningApi;
  }
}
