package io.scimplaybook.starter;

import java.time.Instant;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.FailureRecord;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.findings.VerificationQuery;
import io.scimplaybook.api.activities.FleetActivities;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.SourceFailure;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.status.PlaybookReport;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/**
 * The world of the storm test, in which every playbook run stays open: the failure is confirmed, provisioning on
 * demand keeps failing, no configuration changed, so each run waits for an operator to approve a token rotation (24
 * hours of wall-clock time with time skipping locked). Reaching rotation or escalation would close a run, so those
 * fail loudly instead.
 */
final class HeldOpenPlaybookActivities
    implements SourceActivities, CatoActivities, IdpActivities, TokenRotationActivities, EscalationActivities,
    FleetActivities {

  /** Correlation off: each run of the storm waits for its own operator. */
  @Override
  public FleetVerdict reportFleetSighting(SourceFailure failure) {
    return FleetVerdict.off(FleetSettings.defaults());
  }

  @Override
  public int tellFleetRuns(List<String> workflowIds, FleetNotice notice) {
    throw unexpected("tellFleetRuns");
  }

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
  public String addStoryComment(String accountId, String storyId, String text) {
    // The run comments when it diagnoses, before it waits for the approval that holds it open.
    return "comment-" + storyId;
  }

  @Override
  public JobStatus jobStatus(SourceProfile source) {
    // Read before the repair, as Entra's job would be while the token is wrong.
    return new JobStatus("Active", false, null, null, "Failed", null, "invalid credentials", null,
        "Active; last cycle Failed");
  }

  @Override
  public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    throw unexpected("checkClaim");
  }

  @Override
  public void restartJob(SourceProfile source) {
    throw unexpected("restartJob");
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
