package io.scimplaybook.activities.idp;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker's IdP ports by IdP: the one lookup the IdP, token-rotation and source activities share, so a source whose
 * IdP has no port on this worker gets the same answer everywhere (nothing automated, and the setting that would add
 * it).
 */
public final class IdpPorts {
  private final Map<Idp, IdpPort> byIdp = new EnumMap<>(Idp.class);

  public IdpPorts(List<IdpPort> ports) {
    for (IdpPort port : List.copyOf(ports)) {
      IdpPort before = byIdp.putIfAbsent(port.idp(), port);
      if (before != null) {
        // Two ports for one IdP would make dispatch depend on list order; a wiring mistake, refused at startup.
        throw new IllegalArgumentException("two IdP ports for " + port.idp().displayName() + ": "
            + before.getClass().getSimpleName() + " and " + port.getClass().getSimpleName());
      }
    }
  }

  public Optional<IdpPort> find(Idp idp) {
    return Optional.ofNullable(idp == null ? null : byIdp.get(idp));
  }

  /** The source IdP's port, or a configuration failure (never retried) naming the setting that would add it. */
  public IdpPort port(SourceProfile source) {
    return find(source.idp()).orElseThrow(() -> ActivityFailures.configuration(noPort(source)));
  }

  /** What the source IdP's port can automate; with no port, nothing, and why. */
  public IdpSupport support(SourceProfile source) {
    return find(source.idp()).map(port -> port.support(source)).orElseGet(() -> IdpSupport.none(noPort(source)));
  }

  static String noPort(SourceProfile source) {
    String idp = source.idp() == null ? "an unknown IdP" : source.idp().displayName();
    return "this worker cannot reach " + idp + " for source " + source.accountId() + "/" + source.sourceId() + ": set "
        + credentialSetting(source) + " and restart the worker";
  }

  /**
   * The setting that gives a worker credentials for the source's IdP, spelled as in application.yml, e.g.
   * {@code scim-playbook.okta.orgs[url=https://x.okta.com].api-token or client-id+private-key}. Never a value.
   */
  public static String credentialSetting(SourceProfile source) {
    if (source.idp() == null) {
      return "scim-playbook.sources[" + source.accountId() + "/" + source.sourceId() + "].idp";
    }
    return switch (source.idp()) {
      case ENTRA_ID -> "scim-playbook.entra.tenant-id, client-id and client-secret";
      case OKTA -> "scim-playbook.okta.orgs[url=" + (source.okta() == null || source.okta().orgUrl() == null
          ? "<the source's okta-org-url>" : source.okta().orgUrl()) + "].api-token or client-id+private-key";
      case ONELOGIN -> "scim-playbook.onelogin.accounts[url=" + (source.onelogin() == null
          || source.onelogin().apiUrl() == null ? "<the source's onelogin-api-url>" : source.onelogin().apiUrl())
          + "].client-id+client-secret";
      // Custom sources need no IdP credentials; a worker without their port is a wiring mistake, not a setting.
      case CUSTOM -> "nothing (custom SCIM apps have no IdP API): the worker registers CustomScimIdpPort";
    };
  }
}
