package io.scimplaybook.activities.idp;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import java.time.Instant;

/**
 * One IdP's side of the playbook, worker-side. Each IdP implements what its API offers and says so in
 * {@link #support}; the rest keeps these defaults, which fail as configuration errors (never retried) because the
 * workflow only calls what {@code support} promised. Adding an IdP is one package with one of these plus its settings
 * (ARCHITECTURE.md, "Adding an IdP").
 */
public interface IdpPort {

  Idp idp();

  /**
   * What this worker can automate for the source and why the rest is manual. May call the IdP (Okta asks its
   * connections API whether token auth is supported); a failure there makes that capability manual, with the reason.
   */
  IdpSupport support(SourceProfile source);

  default ProvisionResult provisionNow(SourceProfile source) {
    throw unsupported(source, IdpCapability.PROVISION_NOW);
  }

  /** @param token the plain token, opened by the token-rotation activity; never logged or put in a message */
  default TokenCheck testToken(SourceProfile source, String tenantUrl, String token) {
    throw unsupported(source, IdpCapability.TEST_TOKEN);
  }

  /** @param token the plain token, opened by the token-rotation activity; never logged or put in a message */
  default void saveToken(SourceProfile source, String tenantUrl, String token) {
    throw unsupported(source, IdpCapability.SAVE_TOKEN);
  }

  default ConfigChanges configChanges(SourceProfile source, AuditQuery query) {
    throw unsupported(source, IdpCapability.READ_CONFIG_CHANGES);
  }

  default ProvisioningLog provisioningFailures(SourceProfile source, AuditQuery query) {
    throw unsupported(source, IdpCapability.READ_PROVISIONING_FAILURES);
  }

  default JobStatus latestCycle(SourceProfile source) {
    throw unsupported(source, IdpCapability.READ_SCHEDULED_CYCLE);
  }

  default void restartJob(SourceProfile source) {
    throw unsupported(source, IdpCapability.RESTART_JOB);
  }

  default ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    return ClaimCheck.unverified(claim, idp().displayName() + " offers this worker no API to check it");
  }

  static RuntimeException unsupported(SourceProfile source, IdpCapability capability) {
    return ActivityFailures.configuration(source.idp().displayName() + " has no automated " + capability
        + " on this worker for source " + source.accountId() + "/" + source.sourceId());
  }
}
