package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;
import static io.scimplaybook.workflows.RunRecord.now;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.VerificationQuery;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.ResumePoint;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.notify.NotificationResult;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The playbook of ARCHITECTURE.md, steps 1-6, top to bottom. Every vendor call is an activity; every wait (operator
 * answers, the monitoring window) is a durable timer or condition, so the run survives worker restarts at any point.
 * Asking people, rotating the token, reading the audit trails and the run's own record live in their own classes so
 * that this file stays the playbook.
 */
public class ScimPlaybookWorkflowImpl implements ScimPlaybookWorkflow {

  private final RunRecord run = new RunRecord();
  private final PlaybookMetrics metrics = new PlaybookMetrics(run);
  private final Resumption resumption = new Resumption(run);
  private final OperatorTasks tasks = new OperatorTasks(run, metrics, resumption);
  private final Capabilities capabilities = new Capabilities(run);
  private final ClaimChecks claims = new ClaimChecks(run, tasks, capabilities);
  private final AuditReview audits = new AuditReview(run, capabilities);
  private final TokenRotation rotation = new TokenRotation(run, tasks, resumption, capabilities, claims);
  private final RecoveryProof proof = new RecoveryProof(run, resumption, capabilities, claims);
  private final StoryComments comments = new StoryComments(run);
  private final Notifications notifications = new Notifications(run);
  private final FleetHold fleet = new FleetHold(run);

  {
    resumption.attach(tasks, proof);
  }

  @Override
  public PlaybookReport run(PlaybookInput in) {
    run.begin(in);
    // A run that continued as new (Resumption) skips what its predecessor did and goes back to where it waited.
    ResumePoint resumeAt = resumption.begin(in);
    if (resumeAt == null) {
      // Counted once per playbook: a run that continued as new is the same playbook going on.
      metrics.started();
    }
    if (resumeAt == null || resumeAt == ResumePoint.AWAITING_EVENT) {
      // Runs start by signal-with-start, so the first event is already in the first workflow task.
      Workflow.await(() -> run.failures.count() > 0 || resumption.due());
      if (run.failures.count() == 0) {
        resumption.continueAsNew(ResumePoint.AWAITING_EVENT, null);
      }
      resumption.resumed();

      try {
        run.identified(stub(SourceActivities.class, ActivityPolicies.configuration(),
            "look up the IdP of source " + in.sourceId()).describeSource(in.accountId(), in.sourceId()));
      } catch (ActivityFailure f) {
        return finish(Outcome.ESCALATED, RootCause.UNKNOWN,
            "The worker has no usable configuration for this SCIM source: " + Reasons.of(f));
      }

      run.cycle = 1;
      if (!verify()) {
        return finish(Outcome.NOT_REPRODUCED, null,
            "Neither an ongoing SCIM story nor a SCIM Provisioning / Failed event was found in Cato; nothing to fix.");
      }
      comments.post("diagnosis: the SCIM provisioning failure is ongoing (latest reason: " + run.failures.lastReason()
          + "). The playbook now provisions a user on demand, reviews the audit trails and, if needed, asks for a new "
          + "token.");
      fleet.report();
    }
    while (true) {
      Repair repair;
      Instant fixedAt = null;
      if (resumption.isAt(ResumePoint.MONITORING)) {
        repair = resumption.fixUnderWatch();
        fixedAt = resumption.fixedAtUnderWatch();
      } else {
        try {
          proof.beforeFix();
          repair = repair();
        } catch (ActivityFailure f) {
          run.recordStep(StepResult.ERROR, "The step could not complete: " + Reasons.of(f), List.of());
          return finish(Outcome.ESCALATED, RootCause.UNKNOWN,
              "The playbook stopped at " + run.step + " because a call failed for good: " + Reasons.of(f));
        }
        metrics.diagnosed(repair.cause());
        boolean proven = proof.enabled();
        if (proven) {
          repair = run.keepCause(repair);
        }
        if (!repair.fixed()) {
          return finish(Outcome.ESCALATED, repair.cause(), repair.conclusion());
        }
        run.fixedBy(repair.cause());
        if (proven) {
          fixedAt = now();
          comments.post("fix applied (" + repair.cause() + "): " + repair.conclusion());
          proof.afterFix();
        } else if (proof.quietWindow()) {
          return finish(Outcome.RESOLVED, repair.cause(), repair.conclusion());
        }
      }
      if (fixedAt != null) {
        RecoveryProof.Result watched = proof.monitor(fixedAt, repair);
        switch (watched.verdict()) {
          case RECOVERED -> {
            return finish(Outcome.RESOLVED, repair.cause(), repair.conclusion());
          }
          case STILL_FAILING -> {
            return finish(Outcome.ESCALATED, repair.cause(), EvidenceText.stillFailing(repair.cause(), watched.reason()));
          }
          case NOT_PROVEN -> {
            return finish(Outcome.ESCALATED, repair.cause(), EvidenceText.notProven(watched.reason()));
          }
          case FAILED_AGAIN -> { }
        }
      }
      if (run.cycle >= run.options.maxCycles()) {
        return finish(Outcome.ESCALATED, repair.cause(), EvidenceText.doesNotHold(run.cycle, repair.cause()));
      }
      run.cycle++;
      run.note("Cycle " + run.cycle + " starts: a failure arrived during monitoring");
    }
  }

  // ---- step 1: is the failure real and ongoing? ------------------------------------------------------------------

  private boolean verify() {
    run.beginStep(Step.VERIFY);
    Instant to = now();
    Instant from = run.firstFailureOr(to).minus(run.options.verificationLookback());
    VerificationQuery query =
        new VerificationQuery(run.input.accountId(), run.input.sourceId(), from, to, run.failures.storyId());
    Promise<StoryFindings> stories = Async.function(stub(CatoActivities.class, ActivityPolicies.catoQuery(),
        "find XOps stories with a SCIM indication")::findScimStories, query);
    Promise<EventFindings> events = Async.function(stub(CatoActivities.class, ActivityPolicies.catoQuery(),
        "find SCIM Provisioning / Failed events")::findFailureEvents, query);

    List<String> evidence = new ArrayList<>();
    int answered = 0;
    boolean ongoing = false;
    try {
      List<StorySummary> found = stories.get().stories();
      answered++;
      for (StorySummary s : found) {
        evidence.add(EvidenceText.story(s));
        ongoing |= s.isOngoing();
      }
      if (found.isEmpty()) {
        evidence.add("No XOps story with a SCIM indication since " + from);
      }
    } catch (ActivityFailure f) {
      evidence.add("Could not read XOps stories: " + Reasons.of(f));
    }
    try {
      var found = events.get().events();
      answered++;
      ongoing |= !found.isEmpty();
      evidence.add(EvidenceText.failureEvents(found, from));
    } catch (ActivityFailure f) {
      evidence.add("Could not read Cato events: " + Reasons.of(f));
    }
    if (run.feedEvidence) {
      ongoing = true;
      evidence.add("The trigger came from Cato's events feed");
    }
    if (answered == 0 && !ongoing) {
      // Cato could not be asked; the IdP's own test in step 2 still tells whether provisioning fails.
      run.recordStep(StepResult.ERROR, "Cato could not be asked; going on with the reported failure", evidence);
      return true;
    }
    run.recordStep(ongoing ? StepResult.PASSED : StepResult.FAILED,
        ongoing ? "The SCIM provisioning failure is ongoing" : "The failure is not confirmed by Cato", evidence);
    return ongoing;
  }

  // ---- steps 2-4: provision on demand, then the audit trails, then a new token ------------------------------------

  private Repair repair() {
    // A run resumed at the approval goes straight back to it; one resumed at the review, to the review.
    if (!resumption.isAt(ResumePoint.APPROVE_ROTATION)) {
      List<ConfigChange> suspects;
      if (resumption.isAt(ResumePoint.REVIEW_SUSPECTS)) {
        suspects = resumption.suspects();
      } else {
        ProvisionResult first = provisionOnDemand("Provision " + run.profile.probeUser() + " on demand");
        if (first.succeeded()) {
          return Repair.fixed(RootCause.TRANSIENT, EvidenceText.isolated(run.profile, run.failures.lastSeen()));
        }
        // Held before the audits (their reads, 5 a minute per account, wait out a provider incident too) and again
        // after them, for an incident declared while they were read; once a cycle at most (FleetHold).
        Repair afterIncident = fleet.beforeAskingPeople(this::provisionOnDemand);
        if (afterIncident != null) {
          return afterIncident;
        }
        suspects = audits.suspects();
        afterIncident = fleet.beforeAskingPeople(this::provisionOnDemand);
        if (afterIncident != null) {
          return afterIncident;
        }
      }
      if (!suspects.isEmpty() && reviewSuspects(suspects) == Decision.REVERTED) {
        ProvisionResult again = provisionOnDemand("Provision " + run.profile.probeUser() + " again after the revert");
        if (again.succeeded()) {
          return Repair.fixed(RootCause.CONFIG_CHANGE, EvidenceText.reverted(suspects.get(0)));
        }
        run.note("Provisioning still fails after the revert; going on to token rotation");
      }
    }
    return rotation.rotate(this::provisionOnDemand);
  }

  /** Through the IdP's API where the worker can; otherwise an operator does it, says how it went, and the run checks. */
  private ProvisionResult provisionOnDemand(String title) {
    run.beginStep(Step.PROVISION_ON_DEMAND);
    String idpName = run.profile.idp().displayName();
    if (!capabilities.automates(IdpCapability.PROVISION_NOW)) {
      ClaimChecks.Answer answer = claims.ask(TaskKind.PROVISION_MANUALLY, ManualClaim.PROVISIONED,
          title + " in " + idpName, Instructions.provisionManually(run.profile));
      boolean ok = answer.succeeded();
      String how = answer.decision() == null ? "no answer before the deadline"
          : answer.contradicted() ? EvidenceText.claimStillContradicted("the user provisioned", answer.seen())
          : "operator answered " + answer.decision();
      run.recordStep(ok ? StepResult.PASSED : StepResult.FAILED, title + ": " + how, answer.evidence());
      return new ProvisionResult(ok, run.profile.probeUser(), String.valueOf(answer.decision()), ok ? "" : how);
    }
    ProvisionResult result = stub(IdpActivities.class, ActivityPolicies.idpCall(),
        "provision " + run.profile.probeUser() + " on demand in " + idpName).provisionOnDemand(run.profile);
    if (!result.succeeded()) {
      run.lastFailedProvision = result;
    }
    run.recordStep(result.succeeded() ? StepResult.PASSED : StepResult.FAILED,
        title + ": " + (result.succeeded() ? "succeeded" : "failed"),
        result.succeeded() ? List.of("Status: " + result.status())
            : List.of("Status: " + result.status(), "Reason: " + result.reason()));
    return result;
  }

  /** Only a person can tell whether a change was a mistake, and only a person can revert it where it was made. */
  private Decision reviewSuspects(List<ConfigChange> suspects) {
    if (!resumption.isAt(ResumePoint.REVIEW_SUSPECTS)) {
      run.beginStep(Step.OPERATOR_REVIEW);
    }
    resumption.underReview(suspects);
    Decision answer = tasks.ask(TaskKind.REVIEW_SUSPECTS, "Review " + suspects.size() + " configuration change(s)",
        Instructions.reviewSuspects(suspects));
    run.recordStep(answer == Decision.REVERTED ? StepResult.PASSED : StepResult.SKIPPED,
        answer == null ? "No answer before the deadline; suspects left in place" : "Operator answered " + answer,
        new ArrayList<>(tasks.answerNote()));
    return answer;
  }

  // ---- step 6, or the end of any other path ------------------------------------------------------------------

  private PlaybookReport finish(Outcome end, RootCause cause, String conclusion) {
    PlaybookReport report = run.conclude(end, cause, conclusion);
    Promise<NotificationResult> escalationNotice = null;
    if (end == Outcome.ESCALATED) {
      try {
        String location = stub(EscalationActivities.class, ActivityPolicies.escalation(),
            "deliver the support bundle").deliverBundle(report);
        report = report.withBundleLocation(location);
      } catch (ActivityFailure f) {
        run.note("The support bundle could not be delivered: " + Reasons.of(f));
        report = run.report(end, cause, conclusion);
      }
      escalationNotice = notifications.escalated(conclusion, report.bundleLocation());
    }
    comments.post("the run ended " + end + (cause == null ? "" : ", root cause " + cause) + ". " + conclusion
        + (report.bundleLocation() == null ? "" : " Support bundle: " + report.bundleLocation()));
    run.done(end, cause);
    metrics.ended(end, cause);
    notifications.settle(escalationNotice);
    return report;
  }

  // ---- signals and query ----------------------------------------------------------------------------------------

  @Override
  public void failureReported(ScimFailureEvent event) {
    run.failureReported(event);
  }

  @Override
  public void failuresReported(FailureBatch batch) {
    run.failuresReported(batch);
  }

  @Override
  public void approveRotation(RotationApproval approval) {
    tasks.approve(approval);
  }

  @Override
  public void rejectRotation(RotationRejection rejection) {
    tasks.reject(rejection);
  }

  @Override
  public void decideTask(TaskDecision decision) {
    tasks.decide(decision);
  }

  @Override
  public void fleetNotice(FleetNotice notice) {
    fleet.noticed(notice);
  }

  @Override
  public PlaybookStatus status() {
    return run.status();
  }
}
