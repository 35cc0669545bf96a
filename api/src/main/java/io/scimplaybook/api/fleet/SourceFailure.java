package io.scimplaybook.api.fleet;

import java.time.Instant;

/**
 * What a playbook run tells the fleet: its source is failing, and why (Cato's failure reason as the run last saw it).
 *
 * @param tenant the IdP tenant the source lives in (Entra tenant id, Okta org URL, OneLogin API URL); null when the
 *     worker does not know it, and then the source counts only towards an incident across accounts
 */
public record SourceFailure(
    String workflowId, String accountId, String sourceId, String idp, String tenant, String reason, Instant seenAt) {

  /** The tenant scope's key: the same tenant id in two IdPs is two tenants. */
  public String tenantKey() {
    return tenant == null || tenant.isBlank() ? null : idp + " " + tenant;
  }
}
