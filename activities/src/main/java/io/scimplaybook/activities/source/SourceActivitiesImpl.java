package io.scimplaybook.activities.source;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpPorts;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.input.SourceProfile;
import java.util.List;

/**
 * Answers from the worker's configured list of SCIM sources, each with what its IdP's port can automate for it (asked
 * per run, so the answer follows the worker's credentials and, for Okta, what the app's integration supports); a
 * source nobody configured cannot be repaired.
 */
public class SourceActivitiesImpl implements SourceActivities {
  /** Each IdP's target settings on a scim-playbook.sources entry, as the README's configuration example has them. */
  static final String TARGETS = "for Entra ID service-principal-id, job-id, rule-id, probe-object-id; for Okta "
      + "okta-org-url, okta-app-id, okta-probe-user-id; for OneLogin onelogin-api-url, onelogin-app-id, "
      + "onelogin-probe-user-id";
  private final List<SourceProfile> sources;
  private final IdpPorts ports;

  public SourceActivitiesImpl(List<SourceProfile> sources, IdpPorts ports) {
    this.sources = List.copyOf(sources);
    this.ports = ports;
  }

  public SourceActivitiesImpl(List<SourceProfile> sources, List<IdpPort> ports) {
    this(sources, new IdpPorts(ports));
  }

  /** Without ports: every source's IdP steps are operator tasks (tests of lookup and attribution only). */
  public SourceActivitiesImpl(List<SourceProfile> sources) {
    this(sources, List.of());
  }

  public List<SourceProfile> sources() {
    return sources;
  }

  @Override
  public SourceProfile describeSource(String accountId, String sourceId) {
    return sources.stream()
        .filter(s -> s.accountId().equals(accountId) && s.sourceId().equals(sourceId))
        .findFirst()
        .map(this::withSupport)
        .orElseThrow(() -> ActivityFailures.configuration(missing(accountId, sourceId)));
  }

  private SourceProfile withSupport(SourceProfile source) {
    IdpSupport support = ports.support(source);
    return source.withSupport(support.automated(), support.manualBecause());
  }

  /** Exactly which scim-playbook.sources entry is missing, so an operator can add it without reading code. */
  String missing(String accountId, String sourceId) {
    List<String> ofAccount = sources.stream().filter(s -> s.accountId().equals(accountId))
        .map(SourceProfile::sourceId).toList();
    if (PlaybookIds.UNCONFIGURED_SOURCE.equals(sourceId) || ofAccount.isEmpty()) {
      return "this worker has no scim-playbook.sources entry with account-id " + accountId
          + (PlaybookIds.UNCONFIGURED_SOURCE.equals(sourceId) ? "" : " (the event named source-id " + sourceId + ")")
          + ": a SCIM Provisioning / Failed event of Cato account " + accountId + " arrived and cannot be checked or "
          + "repaired. Add an entry with account-id: \"" + accountId + "\", source-id: <the SCIM app's id in the CMA "
          + "(Directory Services > SCIM)>, idp: ENTRA_ID|OKTA|ONELOGIN|CUSTOM, display-name, probe-user and " + TARGETS
          + "; then restart the worker";
    }
    return "this worker has no scim-playbook.sources entry with account-id " + accountId + " and source-id " + sourceId
        + " (configured for account " + accountId + ": source-id " + String.join(", ", ofAccount)
        + "). Add that entry (idp, display-name, probe-user and " + TARGETS + ") and restart the worker, or correct "
        + "the source id the event sender uses";
  }
}
