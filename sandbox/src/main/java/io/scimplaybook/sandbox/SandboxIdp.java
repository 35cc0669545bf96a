package io.scimplaybook.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which identity provider feeds the sandbox's SCIM source. Every scenario plays the same way on each (the IdP holds a
 * token, pushes the probe user on a schedule and on demand, and Cato accepts or refuses it); they differ in the API
 * the IdP offers for it:
 *
 * <ul>
 *   <li>{@code entra}: Microsoft Graph (synchronization job, provisionOnDemand, validateCredentials, secrets, logs).
 *   <li>{@code okta}: the System Log, the app user (whose update pushes the profile) and, when
 *       {@link OktaSandbox#tokenAuthSupported()}, the app's provisioning connection (the token).
 *   <li>{@code onelogin}: OAuth2 client credentials and the events API; no provisioning or token API.
 *   <li>{@code custom}: a generic SCIM app: no IdP API at all, only a holder of a token that pushes on a schedule.
 * </ul>
 *
 * Whatever an IdP's API cannot do, a person does in its console; the sandbox stands for that with
 * {@code POST /sandbox/idp/token} and {@code POST /sandbox/idp/provision} (SandboxControlHandler).
 */
public enum SandboxIdp {
  ENTRA("entra", "Entra ID SCIM"),
  OKTA("okta", "Okta SCIM"),
  ONELOGIN("onelogin", "OneLogin SCIM"),
  CUSTOM("custom", "Custom SCIM");

  private final String wireName;
  private final String catoScimAppName;

  SandboxIdp(String wireName, String catoScimAppName) {
    this.wireName = wireName;
    this.catoScimAppName = catoScimAppName;
  }

  /** The name used on the command line ({@code --idp}) and in {@code /sandbox/state}. */
  public String wireName() {
    return wireName;
  }

  /** The SCIM app's name in CMA > Directory Services > SCIM, which Cato's events and stories quote. */
  public String catoScimAppName() {
    return catoScimAppName;
  }

  /** Accepts the wire name or the constant name, in any case. */
  public static SandboxIdp fromName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (SandboxIdp idp : values()) {
      if (idp.wireName.equals(wanted) || idp.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return idp;
      }
    }
    throw new IllegalArgumentException("unknown IdP '" + name + "'; expected one of "
        + Arrays.stream(values()).map(SandboxIdp::wireName).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
