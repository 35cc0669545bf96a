package io.scimplaybook.api.input;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * What the worker's configuration knows about one SCIM source: which IdP feeds it, how to reach it and what of the
 * playbook the worker can do through that IdP's API. No secrets.
 *
 * @param entra present only for {@link Idp#ENTRA_ID}
 * @param tenantUrl the SCIM tenant URL the IdP is given as {@code BaseAddress}; null means the one derived from
 *     {@code scimBaseUrl}, account and source (Cato's documented form)
 * @param okta present only for {@link Idp#OKTA}
 * @param onelogin present only for {@link Idp#ONELOGIN}
 * @param automated what the worker can do through the IdP's API for this source, in declaration order; null in
 *     histories recorded before the IdP port (then {@link #automates} answers as those releases did)
 * @param manualBecause one line per capability that is not automated, saying why (no API, no credentials on this
 *     worker, the app's integration does not support it); shown to the operator who does it by hand
 */
public record SourceProfile(
    String accountId, String sourceId, Idp idp, String displayName, String scimBaseUrl, EntraTarget entra,
    String tenantUrl, OktaTarget okta, OneLoginTarget onelogin, List<IdpCapability> automated,
    List<String> manualBecause) {

  public SourceProfile {
    if (automated != null) {
      // A list in declaration order, never a Set: workflow code iterates it, and a HashSet of enums has no stable
      // order across JVMs.
      EnumSet<IdpCapability> set = automated.isEmpty() ? EnumSet.noneOf(IdpCapability.class) : EnumSet.copyOf(automated);
      automated = List.copyOf(new ArrayList<>(set));
    }
    manualBecause = manualBecause == null ? null : List.copyOf(manualBecause);
  }

  public SourceProfile(
      String accountId, String sourceId, Idp idp, String displayName, String scimBaseUrl, EntraTarget entra,
      String tenantUrl) {
    this(accountId, sourceId, idp, displayName, scimBaseUrl, entra, tenantUrl, null, null, null, null);
  }

  public SourceProfile(
      String accountId, String sourceId, Idp idp, String displayName, String scimBaseUrl, EntraTarget entra) {
    this(accountId, sourceId, idp, displayName, scimBaseUrl, entra, null);
  }

  /** The same source with what the worker can automate for it (and why the rest is manual). */
  public SourceProfile withSupport(List<IdpCapability> automated, List<String> manualBecause) {
    return new SourceProfile(accountId, sourceId, idp, displayName, scimBaseUrl, entra, tenantUrl, okta, onelogin,
        automated == null ? List.of() : automated, manualBecause == null ? List.of() : manualBecause);
  }

  /**
   * Whether the worker does this step through the IdP's API. Profiles recorded before the IdP port carry no list;
   * they answer as those releases decided, so their histories replay: Entra ID did everything (the job only with its
   * target configured), every other IdP nothing.
   */
  public boolean automates(IdpCapability capability) {
    if (automated != null) {
      return automated.contains(capability);
    }
    if (idp != Idp.ENTRA_ID) {
      return false;
    }
    return switch (capability) {
      case READ_SCHEDULED_CYCLE, RESTART_JOB -> entra != null;
      default -> true;
    };
  }

  /** Why the steps the worker cannot automate are manual; empty when everything is automated or nothing was said. */
  @JsonIgnore
  public List<String> manualReasons() {
    return manualBecause == null ? List.of() : manualBecause;
  }

  public String probeUser() {
    if (entra != null) {
      return entra.probeUser();
    }
    if (okta != null && okta.probeUser() != null) {
      return okta.probeUser();
    }
    if (onelogin != null && onelogin.probeUser() != null) {
      return onelogin.probeUser();
    }
    return "one assigned user";
  }
}
