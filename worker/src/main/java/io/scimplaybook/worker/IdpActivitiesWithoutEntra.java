package io.scimplaybook.worker;

import java.time.Instant;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.input.SourceProfile;

/**
 * The IdP activities of a worker without Entra credentials, whose sources are all Okta, OneLogin or custom: the
 * playbook never calls these for such sources (their steps are operator tasks), so a call means a source was added
 * without its credentials, and it fails at once, not retried, naming what to set.
 */
final class IdpActivitiesWithoutEntra implements IdpActivities {

  static final String MISSING = "no Entra ID credentials are configured on this worker (scim-playbook.entra.tenant-id, "
      + "client-id and client-secret)";

  @Override
  public ProvisionResult provisionOnDemand(SourceProfile source) {
    throw ActivityFailures.configuration(MISSING + ": cannot provision on demand for " + where(source));
  }

  @Override
  public ConfigChanges findIdpChanges(SourceProfile source, AuditQuery query) {
    throw ActivityFailures.configuration(MISSING + ": cannot read the audit log for " + where(source));
  }

  @Override
  public ProvisioningLog findProvisioningFailures(SourceProfile source, AuditQuery query) {
    throw ActivityFailures.configuration(MISSING + ": cannot read the provisioning log for " + where(source));
  }

  @Override
  public JobStatus jobStatus(SourceProfile source) {
    throw ActivityFailures.configuration(MISSING + ": cannot read the provisioning job of " + where(source));
  }

  @Override
  public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    return ClaimCheck.unverified(claim, MISSING + ": cannot check the claim for " + where(source));
  }

  @Override
  public void restartJob(SourceProfile source) {
    throw ActivityFailures.configuration(MISSING + ": cannot restart the provisioning job of " + where(source));
  }

  private static String where(SourceProfile source) {
    return "source " + source.accountId() + "/" + source.sourceId();
  }
}
