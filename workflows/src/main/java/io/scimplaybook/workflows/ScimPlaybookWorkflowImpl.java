package io.scimplaybook.workflows;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.findings.VerificationQuery;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.StepResult;
import io.scimplaybook.api.status.TimelineEntry;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The playbook of DESIGN.md, steps 1-6. Every vendor call is an activity; every wait (operator answers, the
 * monitoring window) is a durable timer or condition, so the run survives worker restarts at any point.
 */
public class ScimPlaybookWorkflowImpl implements ScimPlaybookWorkflow {

  /**
   * A repeat arrives when a delivery is retried, within moments of the first copy, so remembering the latest ids is
   * enough; the bound keeps a storm from growing the run's memory without limit.
   */
  private static final int RECENT_EVENT_IDS = 4096;

  /** How a repair attempt ended: fixed with a cause, or not, with the reason a support engineer reads first. */
  private record Repair(boolean fixed, RootCause cause, String conclusion) {}

  private PlaybookInput input;
  private PlaybookOptions options = PlaybookOptions.defaults();
  private SourceProfile profile;
  private Step step = Step.AWAITING_EVENT;
  private int cycle;
  private Outcome outcome;
  private RootCause rootCause;
  private FailureTally failures = FailureTally.none();
  private boolean feedEvidence;
  private OperatorTask pendingTask;
  private int taskSequence;
  private RotationApproval approval;
  private RotationRejection rejection;
  private TaskDecision decision;
  private Instant startedAt;
  private Instant stepStartedAt;
  private final List<StepRecord> steps = new ArrayList<>();
  private final TimelineLog timeline = new TimelineLog();
  private final RecentIds countedEventIds = new RecentIds(RECENT_EVENT_IDS);

  @Override
  public PlaybookReport run(PlaybookInput in) {
    input = in;
    if (in.options() != null) {
      options = in.options();
    }
    startedAt = now();
    Workflow.upsertTypedSearchAttributes(
        PlaybookSearchAttributes.ACCOUNT_ID.valueSet(in.accountId()),
        PlaybookSearchAttributes.SOURCE_ID.valueSet(in.sourceId()),
        PlaybookSearchAttributes.STEP.valueSet(step.name()));
    publishDetails();
    // Runs start by signal-with-start, so the first event is already in the first workflow task.
    Workflow.await(() -> failures.count() > 0);

    try {
      profile =
          activities(SourceActivities.class, ActivityPolicies.configuration(), "look up the IdP of source " + in.sourceId())
              .describeSource(in.accountId(), in.sourceId());
    } catch (ActivityFailure f) {
      return finish(Outcome.ESCALATED, RootCause.UNKNOWN,
          "The worker has no usable configuration for this SCIM source: " + Reasons.of(f));
    }
    Workflow.upsertTypedSearchAttributes(PlaybookSearchAttributes.IDP.valueSet(profile.idp().name()));
    timeline.add(now(), "Source " + profile.displayName() + " is fed by " + profile.idp().displayName());

    cycle = 1;
    if (!verify()) {
      return finish(Outcome.NOT_REPRODUCED, null,
          "Neither an ongoing SCIM story nor a SCIM Provisioning / Failed event was found in Cato; nothing to fix.");
    }
    while (true) {
      Repair repair;
      try {
        repair = repair();
      } catch (ActivityFailure f) {
        recordStep(StepResult.ERROR, "The step could not complete: " + Reasons.of(f), List.of());
        return finish(Outcome.ESCALATED, RootCause.UNKNOWN,
            "The playbook stopped at " + step + " because a call failed for good: " + Reasons.of(f));
      }
      if (!repair.fixed()) {
        return finish(Outcome.ESCALATED, repair.cause(), repair.conclusion());
      }
      rootCause = repair.cause();
      if (monitorQuietly()) {
        return finish(Outcome.RESOLVED, repair.cause(), repair.conclusion());
      }
      if (cycle >= options.maxCycles()) {
        return finish(Outcome.ESCALATED, repair.cause(),
            "Failures came back during monitoring in each of " + cycle + " cycles; the last fix (" + repair.cause()
                + ") does not hold.");
      }
      cycle++;
      timeline.add(now(), "Cycle " + cycle + " starts: a failure arrived during monitoring");
    }
  }

  // ---- step 1 ---------------------------------------------------------------------------------------------------

  private boolean verify() {
    beginStep(Step.VERIFY);
    Instant to = now();
    Instant from = earliest(failures.firstSeen(), to).minus(options.verificationLookback());
    VerificationQuery query = new VerificationQuery(input.accountId(), input.sourceId(), from, to, failures.storyId());
    Promise<StoryFindings> stories =
        Async.function(activities(CatoActivities.class, ActivityPolicies.catoQuery(),
            "find XOps stories with a SCIM indication")::findScimStories, query);
    Promise<EventFindings> events =
        Async.function(activities(CatoActivities.class, ActivityPolicies.catoQuery(),
            "find SCIM Provisioning / Failed events")::findFailureEvents, query);

    List<String> evidence = new ArrayList<>();
    int answered = 0;
    boolean ongoing = false;
    try {
      List<StorySummary> found = stories.get().stories();
      answered++;
      for (StorySummary s : found) {
        evidence.add("Story " + s.id() + " (" + s.status() + "): " + s.indication());
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
      evidence.add(found.size() + " SCIM Provisioning / Failed event(s) since " + from
          + (found.isEmpty() ? "" : "; latest reason: " + found.get(found.size() - 1).reason()));
    } catch (ActivityFailure f) {
      evidence.add("Could not read Cato events: " + Reasons.of(f));
    }
    if (feedEvidence) {
      ongoing = true;
      evidence.add("The trigger came from Cato's events feed");
    }
    if (answered == 0 && !ongoing) {
      // Cato could not be asked; the IdP's own test in step 2 still tells whether provisioning fails.
      recordStep(StepResult.ERROR, "Cato could not be asked; going on with the reported failure", evidence);
      return true;
    }
    recordStep(ongoing ? StepResult.PASSED : StepResult.FAILED,
        ongoing ? "The SCIM provisioning failure is ongoing" : "The failure is not confirmed by Cato", evidence);
    return ongoing;
  }

  // ---- steps 2-4 ------------------------------------------------------------------------------------------------

  private Repair repair() {
    ProvisionResult first = provisionOnDemand("Provision " + profile.probeUser() + " on demand");
    if (first.succeeded()) {
      return new Repair(true, RootCause.TRANSIENT,
          "Provisioning on demand succeeded at once: an isolated failure. Check Cato's maintenance notices and "
              + profile.idp().displayName() + "'s service health around " + failures.firstSeen()
              + " for an interruption.");
    }
    List<ConfigChange> suspects = reviewAudits();
    if (!suspects.isEmpty()) {
      Decision answer = reviewSuspects(suspects);
      if (answer == Decision.REVERTED) {
        ProvisionResult again = provisionOnDemand("Provision " + profile.probeUser() + " again after the revert");
        if (again.succeeded()) {
          return new Repair(true, RootCause.CONFIG_CHANGE,
              "Reverting a configuration change fixed provisioning: " + describe(suspects.get(0)));
        }
        timeline.add(now(), "Provisioning still fails after the revert; going on to token rotation");
      }
    }
    return rotateToken();
  }

  private ProvisionResult provisionOnDemand(String title) {
    beginStep(Step.PROVISION_ON_DEMAND);
    if (!profile.idp().hasProvisioningApi()) {
      Decision answer = askOperator(TaskKind.PROVISION_MANUALLY, title + " in " + profile.idp().displayName(),
          Instructions.provisionManually(profile), Set.of(Decision.SUCCEEDED, Decision.FAILED));
      boolean ok = answer == Decision.SUCCEEDED;
      String how = answer == null ? "no answer before the deadline" : "operator answered " + answer;
      recordStep(ok ? StepResult.PASSED : StepResult.FAILED, title + ": " + how, operatorNote());
      return new ProvisionResult(ok, profile.probeUser(), String.valueOf(answer), ok ? "" : how);
    }
    ProvisionResult result =
        activities(IdpActivities.class, ActivityPolicies.idpCall(),
            "provision " + profile.probeUser() + " on demand in " + profile.idp().displayName())
            .provisionOnDemand(profile);
    recordStep(result.succeeded() ? StepResult.PASSED : StepResult.FAILED,
        title + ": " + (result.succeeded() ? "succeeded" : "failed"),
        result.succeeded() ? List.of("Status: " + result.status())
            : List.of("Status: " + result.status(), "Reason: " + result.reason()));
    return result;
  }

  private List<ConfigChange> reviewAudits() {
    beginStep(Step.AUDIT_REVIEW);
    Instant firstFailure = earliest(failures.firstSeen(), now());
    AuditQuery query =
        new AuditQuery(input.accountId(), input.sourceId(), firstFailure.minus(options.auditWindow()), firstFailure);
    String idpName = profile.idp().displayName();
    Promise<ConfigChanges> cato =
        Async.function(activities(CatoActivities.class, ActivityPolicies.catoAudit(),
            "read Domain changes in Cato's audit trail")::findDomainChanges, query);
    Promise<ConfigChanges> idpChanges = null;
    Promise<ProvisioningLog> idpLog = null;
    if (profile.idp().hasProvisioningApi()) {
      IdpActivities idp = activities(IdpActivities.class, ActivityPolicies.idpLogs(), "read " + idpName + " audit logs");
      idpChanges = Async.function(idp::findIdpChanges, profile, query);
      idpLog = Async.function(idp::findProvisioningFailures, profile, query);
    }

    List<ConfigChange> suspects = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    suspects.addAll(changesOrNote(cato, "Cato's audit trail", evidence));
    if (idpChanges == null) {
      evidence.add(idpName + " has no audit API here: check its admin console's system log for changes to the Cato "
          + "app between " + query.from() + " and " + query.to());
    } else {
      suspects.addAll(changesOrNote(idpChanges, idpName + "'s directory audit", evidence));
      try {
        var entries = idpLog.get().entries();
        evidence.add(entries.size() + " failed provisioning log entr" + (entries.size() == 1 ? "y" : "ies") + " in "
            + idpName + (entries.isEmpty() ? "" : "; latest: " + entries.get(entries.size() - 1).errorCode() + " "
            + entries.get(entries.size() - 1).reason()));
      } catch (ActivityFailure f) {
        evidence.add("Could not read " + idpName + "'s provisioning log: " + Reasons.of(f));
      }
    }
    suspects.sort((a, b) -> b.time().compareTo(a.time()));
    for (ConfigChange c : suspects) {
      evidence.add("Suspect: " + describe(c) + " (" + Duration.between(c.time(), firstFailure).toMinutes()
          + " min before the first failure)");
    }
    recordStep(StepResult.PASSED,
        suspects.isEmpty() ? "No configuration change before the failure" : suspects.size() + " suspect change(s)",
        evidence);
    return suspects;
  }

  private List<ConfigChange> changesOrNote(Promise<ConfigChanges> promise, String trail, List<String> evidence) {
    try {
      List<ConfigChange> changes = promise.get().changes();
      evidence.add(changes.size() + " change(s) in " + trail);
      return changes;
    } catch (ActivityFailure f) {
      evidence.add("Could not read " + trail + ": " + Reasons.of(f));
      return List.of();
    }
  }

  private Decision reviewSuspects(List<ConfigChange> suspects) {
    beginStep(Step.OPERATOR_REVIEW);
    Decision answer = askOperator(TaskKind.REVIEW_SUSPECTS, "Review " + suspects.size() + " configuration change(s)",
        Instructions.reviewSuspects(suspects), Set.of(Decision.REVERTED, Decision.DISMISSED));
    List<String> evidence = new ArrayList<>(operatorNote());
    recordStep(answer == Decision.REVERTED ? StepResult.PASSED : StepResult.SKIPPED,
        answer == null ? "No answer before the deadline; suspects left in place" : "Operator answered " + answer,
        evidence);
    return answer;
  }

  private Repair rotateToken() {
    String idpName = profile.idp().displayName();
    for (int attempt = 1; attempt <= options.maxTokenAttempts(); attempt++) {
      beginStep(Step.TOKEN_ROTATION);
      approval = null;
      rejection = null;
      pendingTask = openTask(TaskKind.APPROVE_ROTATION, "Approve SCIM token rotation"
          + (attempt > 1 ? " (attempt " + attempt + ")" : ""), Instructions.approveRotation(profile, attempt));
      boolean answered = awaitOperator(() -> approval != null || rejection != null);
      pendingTask = null;
      // Not a command: the UI must stop asking for the approval while the new token is being checked.
      publishDetails();
      if (!answered) {
        recordStep(StepResult.FAILED, "No approval within " + options.approvalTimeout(), List.of());
        return new Repair(false, RootCause.UNKNOWN,
            "Token rotation was never approved (timeout " + options.approvalTimeout() + "); provisioning still fails.");
      }
      if (rejection != null) {
        recordStep(StepResult.FAILED, "Rotation rejected by " + rejection.operator(),
            List.of("Reason: " + rejection.reason()));
        return new Repair(false, RootCause.UNKNOWN,
            "Token rotation was rejected by " + rejection.operator() + ": " + rejection.reason());
      }
      List<String> evidence = new ArrayList<>();
      evidence.add("Approved by " + approval.approver() + (approval.note() == null ? "" : ": " + approval.note()));
      TokenRotationActivities rotation =
          activities(TokenRotationActivities.class, ActivityPolicies.tokenRotation(), "check the new token at Cato");
      TokenCheck atCato = rotation.checkTokenAtCato(profile, approval.token());
      evidence.add("Cato SCIM endpoint: " + (atCato.accepted() ? "accepted" : "rejected") + " (" + atCato.detail() + ")");
      if (!atCato.accepted()) {
        recordStep(StepResult.FAILED, "Cato does not accept the new token", evidence);
        continue;
      }
      if (profile.idp().hasProvisioningApi()) {
        TokenCheck atIdp =
            activities(TokenRotationActivities.class, ActivityPolicies.tokenRotation(),
                "test connection in " + idpName + " with the new token")
                .testTokenAtIdp(profile, approval.token());
        evidence.add(idpName + " test connection: " + (atIdp.accepted() ? "passed" : "failed") + " (" + atIdp.detail() + ")");
        if (!atIdp.accepted()) {
          recordStep(StepResult.FAILED, idpName + " test connection fails with the new token", evidence);
          continue;
        }
        activities(TokenRotationActivities.class, ActivityPolicies.tokenRotation(),
            "save the new token in " + idpName + "'s provisioning credentials")
            .saveTokenAtIdp(profile, approval.token());
        evidence.add("Saved as " + idpName + "'s provisioning credentials");
      } else {
        Decision installed = askOperator(TaskKind.INSTALL_TOKEN_MANUALLY, "Install the new token in " + idpName,
            Instructions.installToken(profile), Set.of(Decision.SUCCEEDED, Decision.FAILED));
        evidence.addAll(operatorNote());
        evidence.add("Operator installed the token in " + idpName + ": " + installed);
        if (installed != Decision.SUCCEEDED) {
          recordStep(StepResult.FAILED, "The token was not installed in " + idpName, evidence);
          return new Repair(false, RootCause.UNKNOWN,
              "The new token could not be installed in " + idpName + " (" + installed + ").");
        }
      }
      recordStep(StepResult.PASSED, "Token rotated", evidence);
      ProvisionResult after = provisionOnDemand("Provision " + profile.probeUser() + " with the new token");
      if (after.succeeded()) {
        return new Repair(true, RootCause.TOKEN_MISMATCH,
            "The IdP held a SCIM token Cato no longer accepted; a new token, approved by " + approval.approver()
                + ", fixed provisioning.");
      }
      return new Repair(false, RootCause.UNKNOWN,
          "Cato and " + idpName + " accept the new token, yet provisioning on demand still fails: " + after.reason());
    }
    return new Repair(false, RootCause.UNKNOWN,
        options.maxTokenAttempts() + " token(s) were tried and none was accepted; provisioning still fails.");
  }

  // ---- step 5 ---------------------------------------------------------------------------------------------------

  private boolean monitorQuietly() {
    beginStep(Step.MONITORING);
    long seen = failures.count();
    boolean failedAgain = Workflow.await(options.monitoringWindow(), () -> failures.count() > seen);
    if (failedAgain) {
      recordStep(StepResult.FAILED, "A new failure arrived during the monitoring window",
          List.of("Reason: " + failures.lastReason(), "At: " + failures.lastSeen()));
      return false;
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("No failure for " + options.monitoringWindow());
    if (failures.storyId() != null) {
      try {
        StorySummary story =
            activities(CatoActivities.class, ActivityPolicies.catoQuery(), "read story " + failures.storyId())
                .getStory(input.accountId(), failures.storyId());
        evidence.add(story == null ? "Story " + failures.storyId() + " is no longer listed"
            : "Story " + story.id() + " is " + story.status());
      } catch (ActivityFailure f) {
        evidence.add("Could not read story " + failures.storyId() + ": " + Reasons.of(f));
      }
    }
    recordStep(StepResult.PASSED, "A quiet monitoring window", evidence);
    return true;
  }

  // ---- operators ------------------------------------------------------------------------------------------------

  private Decision askOperator(TaskKind kind, String title, String instructions, Set<Decision> accepted) {
    decision = null;
    pendingTask = openTask(kind, title, instructions);
    String taskId = pendingTask.id();
    boolean answered = awaitOperator(() -> decision != null && accepted.contains(decision.decision()));
    pendingTask = null;
    publishDetails();
    if (!answered) {
      timeline.add(now(), "No answer to task " + taskId + " within " + options.approvalTimeout());
      return null;
    }
    return decision.decision();
  }

  private List<String> operatorNote() {
    if (decision == null) {
      return List.of();
    }
    return List.of("Answered by " + decision.operator() + (decision.note() == null ? "" : ": " + decision.note()));
  }

  private OperatorTask openTask(TaskKind kind, String title, String instructions) {
    taskSequence++;
    String id = "t" + taskSequence;
    Instant opened = now();
    String workflowId = Workflow.getInfo().getWorkflowId();
    OperatorTask task = new OperatorTask(id, kind, title, instructions, Instructions.commands(kind, workflowId, id),
        opened, opened.plus(options.approvalTimeout()));
    timeline.add(opened, "Waiting for an operator: " + title + " (task " + id + ")");
    pendingTask = task;
    publishDetails();
    return task;
  }

  /** Waits for an answer until the approval timeout, noting a reminder in the timeline at every interval. */
  private boolean awaitOperator(Supplier<Boolean> answered) {
    Instant deadline = now().plus(options.approvalTimeout());
    int reminders = 0;
    while (true) {
      Duration left = Duration.between(now(), deadline);
      if (left.isNegative() || left.isZero()) {
        return false;
      }
      Duration wait = left.compareTo(options.reminderInterval()) < 0 ? left : options.reminderInterval();
      if (Workflow.await(wait, answered)) {
        return true;
      }
      if (!now().isBefore(deadline)) {
        return false;
      }
      reminders++;
      timeline.add(now(), "Reminder " + reminders + ": still waiting for " + pendingTask.title() + " (task "
          + pendingTask.id() + ")");
      publishDetails();
    }
  }

  // ---- signals and query ----------------------------------------------------------------------------------------

  @Override
  public void failureReported(ScimFailureEvent event) {
    if (event.eventId() != null && !countedEventIds.add(event.eventId())) {
      // The poller's delivery was retried after a partial success: this occurrence is already counted.
      return;
    }
    ScimFailureEvent stamped =
        event.time() != null ? event
            : new ScimFailureEvent(event.accountId(), event.sourceId(), now(), event.reason(), event.storyId(),
                event.origin(), event.eventId());
    failures = failures.add(stamped);
    feedEvidence |= ScimFailureEvent.ORIGIN_EVENTS_FEED.equals(event.origin());
    // A storm must not flood the timeline: note the first event and those that can change the course of the run.
    if (failures.count() == 1) {
      timeline.add(now(), "Failure reported (" + event.origin() + "): " + event.reason());
    } else if (step == Step.MONITORING) {
      timeline.add(now(), "Failure during monitoring (" + event.origin() + "): " + event.reason());
    }
    publishDetails();
  }

  @Override
  public void approveRotation(RotationApproval a) {
    if (pendingTask == null || pendingTask.kind() != TaskKind.APPROVE_ROTATION) {
      timeline.add(now(), "Ignored an approval from " + a.approver() + ": no token rotation is waiting for one");
      return;
    }
    if (a.token() == null) {
      timeline.add(now(), "Ignored an approval from " + a.approver() + ": it carried no sealed token");
      return;
    }
    approval = a;
    timeline.add(now(), "Token rotation approved by " + a.approver());
  }

  @Override
  public void rejectRotation(RotationRejection r) {
    if (pendingTask == null || pendingTask.kind() != TaskKind.APPROVE_ROTATION) {
      timeline.add(now(), "Ignored a rejection from " + r.operator() + ": no token rotation is waiting for an answer");
      return;
    }
    rejection = r;
    timeline.add(now(), "Token rotation rejected by " + r.operator() + ": " + r.reason());
  }

  @Override
  public void decideTask(TaskDecision d) {
    if (pendingTask == null || !pendingTask.id().equals(d.taskId())) {
      timeline.add(now(), "Ignored " + d.decision() + " from " + d.operator() + ": task " + d.taskId()
          + " is not the pending task");
      return;
    }
    decision = d;
    timeline.add(now(), d.operator() + " answered " + d.decision() + " to task " + d.taskId());
  }

  @Override
  public PlaybookStatus status() {
    return new PlaybookStatus(Workflow.getInfo().getWorkflowId(), step, cycle, profile == null ? null : profile.idp(),
        outcome, rootCause, failures, pendingTask, List.copyOf(steps), timeline.entries());
  }

  // ---- bookkeeping ----------------------------------------------------------------------------------------------

  private void beginStep(Step next) {
    boolean changed = next != step;
    step = next;
    stepStartedAt = now();
    if (changed) {
      Workflow.upsertTypedSearchAttributes(PlaybookSearchAttributes.STEP.valueSet(next.name()));
    }
    publishDetails();
  }

  private void recordStep(StepResult result, String summary, List<String> evidence) {
    steps.add(new StepRecord(cycle, step, result, stepStartedAt, now(), summary, List.copyOf(evidence)));
    timeline.add(now(), step + " " + result + ": " + summary);
    publishDetails();
  }

  private PlaybookReport finish(Outcome end, RootCause cause, String conclusion) {
    outcome = end;
    rootCause = cause;
    pendingTask = null;
    String workflowId = Workflow.getInfo().getWorkflowId();
    Idp idp = profile == null ? null : profile.idp();
    if (end == Outcome.ESCALATED) {
      beginStep(Step.ESCALATION);
    }
    timeline.add(now(), "Outcome " + end + (cause == null ? "" : ", root cause " + cause) + ": " + conclusion);
    PlaybookReport report = new PlaybookReport(workflowId, input.accountId(), input.sourceId(), idp, end, cause,
        conclusion, Math.max(cycle, 1), failures, List.copyOf(steps), timeline.entries(), startedAt, now(), null);
    if (end == Outcome.ESCALATED) {
      try {
        String location = activities(EscalationActivities.class, ActivityPolicies.escalation(),
            "deliver the support bundle").deliverBundle(report);
        report = report.withBundleLocation(location);
      } catch (ActivityFailure f) {
        timeline.add(now(), "The support bundle could not be delivered: " + Reasons.of(f));
        report = new PlaybookReport(workflowId, input.accountId(), input.sourceId(), idp, end, cause, conclusion,
            report.cycles(), failures, report.steps(), timeline.entries(), startedAt, now(), null);
      }
    }
    step = Step.DONE;
    Workflow.upsertTypedSearchAttributes(
        PlaybookSearchAttributes.STEP.valueSet(Step.DONE.name()),
        PlaybookSearchAttributes.OUTCOME.valueSet(end.name()),
        PlaybookSearchAttributes.ROOT_CAUSE.valueSet(cause == null ? "NONE" : cause.name()));
    publishDetails();
    return report;
  }

  private void publishDetails() {
    Workflow.setCurrentDetails(CurrentDetails.render(status(), profile));
  }

  private static <T> T activities(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  private static String describe(ConfigChange c) {
    return c.time() + " " + c.origin() + ": " + c.actor() + " " + c.changeType() + " " + c.objectType() + " '"
        + c.objectName() + "'" + (c.description() == null || c.description().isBlank() ? "" : " — " + c.description());
  }

  private static Instant earliest(Instant candidate, Instant fallback) {
    return candidate == null || candidate.isAfter(fallback) ? fallback : candidate;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
