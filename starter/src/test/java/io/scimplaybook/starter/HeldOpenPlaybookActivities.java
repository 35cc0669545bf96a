package io.scimplaybook.starter;

import io.scimplaybook.workflows.activities.CatoActivities;
import io.scimplaybook.workflows.activities.EscalationActivities;
import io.scimplaybook.workflows.activities.IdpActivities;
import io.scimplaybook.workflows.activities.SourceActivities;
import io.scimplaybook.workflows.activities.TokenRotationActivities;
import io.scimplaybook.workflows.messages.AuditQuery;
import io.scimplaybook.workflows.messages.ConfigChanges;
import io.scimplaybook.workflows.messages.EntraTarget;
import io.scimplaybook.workflows.messages.EventFindings;
import io.scimplaybook.workflows.messages.FailureRecord;
import io.scimplaybook.workflows.messages.Idp;
import io.scimplaybook.workflows.messages.PlaybookReport;
import io.scimplaybook.workflows.messages.ProvisionResult;
import io.scimplaybook.workflows.messages.ProvisioningLog;
import io.scimplaybook.workflows.messages.SourceProfile;
import io.scimplaybook.workflows.messages.StoryFindings;
import io.scimplaybook.workflows.messages.StorySummary;
import io.scimplaybook.workflows.messages.TokenCheck;
import io.scimplaybook.workflows.messages.VerificationQuery;
import io.scimplaybook.workflows.secrets.SealedToken;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/**
 * The world of the storm test, in which every playbook run stays open: the failure is confirmed, provisioning on
 * demand keeps failing, no configuration changed, so each run waits for an operator to approve a token rotation (24
 * hours of wall-clock time with time skipping locked). Reaching rotation or escalation would close a run, so those
 * fail loudly instead.
 */
final class HeldOpenPlaybookActivities
    implements SourceActivities, CatoActivities, IdpActivities, TokenRotationActivities, EscalationActivities {

  @Override
  public SourceProfile describeSource(String accountId, String sourceId) {
    return new SourceProfile(accountId, sourceId, Idp.ENTRA_ID, "Contoso (" + sourceId + ")",
        "https://scim.example/scim/v2", new EntraTarget("sp-1", "scim.job.1", "rule-1", "obj-1", "probe@contoso.com"));
  }

  @Override
  public StoryFindings findScimStories(VerificationQuery query) {
    return new StoryFindings(List.of(new StorySummary("story-" + query.accountId() + "-" + query.sourceId(),
        "SCIM Provisioning Failed", "Open", StormPlan.BASE, StormPlan.BASE, "SCIM provisioning from Entra ID failed")));
  }

  @Override
  public EventFindings findFailureEvents(VerificationQuery query) {
    return new EventFindings(List.of(
        new FailureRecord(StormPlan.BASE, query.sourceId(), "401 Unauthorized", null, "failed")));
  }

  @Override
  public ConfigChanges findDomainChanges(AuditQuery query) {
    return new ConfigChanges(List.of());
  }

  @Override
  public StorySummary getStory(String accountId, String storyId) {
    throw unexpected("getStory");
  }

  @Override
  public ProvisionResult provisionOnDemand(SourceProfile source) {
    return new ProvisionResult(false, "probe@contoso.com", "Failure", "invalid credentials");
  }

  @Override
  public ConfigChanges findIdpChanges(SourceProfile source, AuditQuery query) {
    return new ConfigChanges(List.of());
  }

  @Override
  public ProvisioningLog findProvisioningFailures(SourceProfile source, AuditQuery query) {
    return new ProvisioningLog(List.of());
  }

  @Override
  public TokenCheck checkTokenAtCato(SourceProfile source, SealedToken token) {
    throw unexpected("checkTokenAtCato");
  }

  @Override
  public TokenCheck testTokenAtIdp(SourceProfile source, SealedToken token) {
    throw unexpected("testTokenAtIdp");
  }

  @Override
  public void saveTokenAtIdp(SourceProfile source, SealedToken token) {
    throw unexpected("saveTokenAtIdp");
  }

  @Override
  public String deliverBundle(PlaybookReport report) {
    throw unexpected("deliverBundle");
  }

  private static ApplicationFailure unexpected(String activity) {
    return ApplicationFailure.newNonRetryableFailure(
        activity + " was called: a storm run left the token-rotation wait it should be held in", "StormRunMoved");
  }
}
