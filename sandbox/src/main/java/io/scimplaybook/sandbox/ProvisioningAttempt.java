package io.scimplaybook.sandbox;

import java.time.Instant;

/**
 * One export of the probe user from Entra to Cato, scheduled or on demand; the provisioning log is built from these.
 *
 * @param failure null when the export worked
 */
record ProvisioningAttempt(String id, Instant time, boolean onDemand, SyncFailure failure) {

  boolean succeeded() {
    return failure == null;
  }
}
