package io.scimplaybook.workflows.activities;

import io.scimplaybook.workflows.messages.AuditQuery;
import io.scimplaybook.workflows.messages.ConfigChanges;
import io.scimplaybook.workflows.messages.ProvisionResult;
import io.scimplaybook.workflows.messages.ProvisioningLog;
import io.scimplaybook.workflows.messages.SourceProfile;
import io.temporal.activity.ActivityInterface;

/** Calls the IdP that feeds the source (Entra ID through Microsoft Graph). */
@ActivityInterface
public interface IdpActivities {
  /** Provisions the source's probe user on demand and says whether the export to Cato worked. */
  ProvisionResult provisionOnDemand(SourceProfile source);

  /** Changes to the enterprise app in the IdP's directory audit log in the window. */
  ConfigChanges findIdpChanges(SourceProfile source, AuditQuery query);

  /** Failed entries of the IdP's provisioning log in the window. */
  ProvisioningLog findProvisioningFailures(SourceProfile source, AuditQuery query);
}
