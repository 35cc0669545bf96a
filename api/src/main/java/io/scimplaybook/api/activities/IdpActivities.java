package io.scimplaybook.api.activities;

import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/**
 * Calls the IdP that feeds the source, whichever it is: the worker dispatches on {@link SourceProfile#idp()} to that
 * IdP's port. The workflow calls a method only where {@link SourceProfile#automates} says the worker can.
 */
@ActivityInterface
public interface IdpActivities {
  /** Provisions the source's probe user on demand and says whether the export to Cato worked. */
  ProvisionResult provisionOnDemand(SourceProfile source);

  /** Changes to the enterprise app in the IdP's directory audit log in the window. */
  ConfigChanges findIdpChanges(SourceProfile source, AuditQuery query);

  /** Failed entries of the IdP's provisioning log in the window. */
  ProvisioningLog findProvisioningFailures(SourceProfile source, AuditQuery query);

  /** The provisioning job's status: quarantine and the last scheduled cycle. */
  JobStatus jobStatus(SourceProfile source);

  /**
   * Restarts the job with Graph's documented criteria ({@code resetScope: Watermark, Escrows, QuarantineState}), so a
   * quarantined job leaves its slowed schedule once its credentials work.
   */
  void restartJob(SourceProfile source);

  /**
   * What the IdP shows about an operator's claim since {@code since} (the task's answer): its logs, the probe user's
   * sync state or the latest cycle. UNVERIFIED where it has no way to tell.
   */
  ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since);
}
