package io.scimplaybook.api.findings;

import java.time.Instant;

/**
 * One failed entry of the IdP's provisioning log.
 *
 * @param id the entry's id in the IdP (Graph: the provisioningObjectSummary's {@code id}), for support to look it up;
 *     null in histories recorded before it was kept
 */
public record ProvisioningLogEntry(
    Instant time, String status, String errorCode, String reason, String target, String id) {

  public ProvisioningLogEntry(Instant time, String status, String errorCode, String reason, String target) {
    this(time, status, errorCode, reason, target, null);
  }
}
