package io.scimplaybook.workflows;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.EventCheck;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.RunSnapshot;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.status.CycleCause;
import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.StepResult;
import io.scimplaybook.api.status.SupportFacts;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the run knows about itself, in one place so that the status query, the UI's current details, the search
 * attributes and the final report never disagree. The playbook steps change it only through these methods.
 */
final class RunRecord {

  /**
   * A repeat arrives when a delivery is retried, within seconds of the first copy, so remembering the latest ids is
   * enough; the bound keeps a storm from growing the run's memory without limit. Under a flood thousands of distinct
   * events arrive in those seconds (with 4,096 the flood test saw a few events counted twice on a loaded machine), so
   * the window is 10,000 ids: carried whole on continue-as-new, a few hundred KB of a payload limited to 2 MB.
   */
  private static final int RECENT_EVENT_IDS = 10_000;

  PlaybookInput input;
  PlaybookOptions options = PlaybookOptions.defaults();
  SourceProfile profile;
  Step step = Step.AWAITING_EVENT;
  int cycle;
  FailureTally failures = FailureTally.none();
  boolean feedEvidence;
  OperatorTask pendingTask;
  private Outcome outcome;
  private RootCause rootCause;
  private Instant startedAt;
  private Instant stepStartedAt;
  private final List<StepRecord> steps = new ArrayList<>();
  private final TimelineLog timeline = new TimelineLog();
  private final RecentIds countedEventIds = new RecentIds(RECENT_EVENT_IDS);
  /**
   * Events counted before {@link #begin}: a run's first workflow task delivers the signals already in its history to
   * the handlers before the workflow method runs. For a run that continued as new, {@link #restore} then takes over
   * the carried state and counts these again on top of it; without that they were overwritten and lost.
   */
  private final List<ScimFailureEvent> countedBeforeBegin = new ArrayList<>();
  /** The first event ids, for the support bundle; bounded like the timeline. */
  private final List<String> eventIds = new ArrayList<>();
  /** Each cycle's diagnosis and fix, in order (recovery-proof-v1 and later). */
  final List<CycleCause> causes = new ArrayList<>();
  /** The IdP job's state as last read, and what the run did about it; for the bundle. */
  String jobState;
  /** The failed provisioning log entries' ids from the audit reviews, for the bundle; bounded like the event ids. */
  private final List<String> provisioningLogIds = new ArrayList<>();
  /** The last failed provisioning attempt: the request the bundle names and the IdP's answer. */
  ProvisionResult lastFailedProvision;

  void begin(PlaybookInput in) {
    input = in;
    if (in.carried() == null) {
      // A fresh run: what its handlers counted stands as it is.
      countedBeforeBegin.clear();
    }
    if (in.options() != null) {
      options = in.options();
    }
    startedAt = now();
    Workflow.upsertTypedSearchAttributes(
        PlaybookSearchAttributes.ACCOUNT_ID.valueSet(in.accountId()),
        PlaybookSearchAttributes.SOURCE_ID.valueSet(in.sourceId()),
        PlaybookSearchAttributes.STEP.valueSet(step.name()));
    publish();
  }

  void identified(SourceProfile p) {
    profile = p;
    Workflow.upsertTypedSearchAttributes(PlaybookSearchAttributes.IDP.valueSet(p.idp().name()));
    note("Source " + p.displayName() + " is fed by " + p.idp().displayName());
  }

  /** The root cause a fix found shows while its monitoring window runs, before the run ends. */
  void fixedBy(RootCause cause) {
    rootCause = cause;
  }

  void note(String text) {
    timeline.add(now(), text);
  }

  void beginStep(Step next) {
    boolean changed = next != step;
    step = next;
    stepStartedAt = now();
    // Re-entering the same step (a second provisioning in a row) would be an upsert that changes nothing.
    if (changed) {
      Workflow.upsertTypedSearchAttributes(PlaybookSearchAttributes.STEP.valueSet(next.name()));
    }
    publish();
  }

  void recordStep(StepResult result, String summary, List<String> evidence) {
    steps.add(new StepRecord(cycle, step, result, stepStartedAt, now(), summary, List.copyOf(evidence)));
    note(step + " " + result + ": " + summary);
    publish();
  }

  void failureReported(ScimFailureEvent event) {
    take(event);
    publish();
  }

  /** Each event of the batch exactly as {@link #failureReported} takes it; the UI is redrawn once. */
  void failuresReported(FailureBatch batch) {
    if (batch == null || batch.events() == null) {
      note("Ignored a batch of failure events: the signal carried none");
    } else {
      batch.events().forEach(this::take);
    }
    publish();
  }

  private void take(ScimFailureEvent event) {
    // A signal handler that throws fails every workflow task of the run, which then waits forever and swallows the
    // valid events after it: a malformed event is noted as ignored instead, whoever sent it.
    // The same rules as every door (EventCheck), for what came past them: a hand-sent signal, an older sender.
    String problem = EventCheck.problem(event, now());
    if (problem != null) {
      note("Ignored a failure event" + origin(event) + ": " + problem);
      return;
    }
    try {
      count(event);
    } catch (RuntimeException e) {
      note("Ignored a failure event (" + event.origin() + ") that could not be counted: " + e.getClass().getSimpleName());
    }
  }

  /** The origin as the note shows it, only when it is one of the plain words senders use. */
  private static String origin(ScimFailureEvent event) {
    return event != null && event.origin() != null && event.origin().matches("[a-z-]{1,32}")
        ? " (" + event.origin() + ")" : "";
  }

  private void count(ScimFailureEvent event) {
    if (event.eventId() != null && !countedEventIds.add(event.eventId())) {
      // The poller's delivery was retried after a partial success: this occurrence is already counted.
      return;
    }
    ScimFailureEvent stamped =
        event.time() != null ? event : event.withTime(now());
    if (input == null) {
      countedBeforeBegin.add(stamped);
    }
    failures = failures.add(stamped);
    if (event.eventId() != null && eventIds.size() < 20) {
      eventIds.add(event.eventId());
    }
    feedEvidence |= ScimFailureEvent.ORIGIN_EVENTS_FEED.equals(event.origin());
    // A storm must not flood the timeline: note the first event and those that can change the course of the run.
    if (failures.count() == 1) {
      note("Failure reported (" + event.origin() + "): " + event.reason());
    } else if (step == Step.MONITORING) {
      note("Failure during monitoring (" + event.origin() + "): " + event.reason());
    }
  }

  /** Sets the outcome and builds the report; the support bundle is delivered from it before {@link #done}. */
  PlaybookReport conclude(Outcome end, RootCause cause, String conclusion) {
    outcome = end;
    rootCause = cause;
    pendingTask = null;
    if (end == Outcome.ESCALATED) {
      beginStep(Step.ESCALATION);
    }
    note("Outcome " + end + (cause == null ? "" : ", root cause " + cause) + ": " + conclusion);
    return report(end, cause, conclusion);
  }

  PlaybookReport report(Outcome end, RootCause cause, String conclusion) {
    return new PlaybookReport(Workflow.getInfo().getWorkflowId(), input.accountId(), input.sourceId(), idp(), end,
        cause, conclusion, Math.max(cycle, 1), failures, List.copyOf(steps), timeline.entries(), startedAt, now(), null,
        List.copyOf(causes), supportFacts());
  }

  private SupportFacts supportFacts() {
    if (profile == null) {
      return null;
    }
    String scimUrl = profile.tenantUrl() != null ? profile.tenantUrl()
        : (profile.scimBaseUrl() == null ? "https://scimservice.catonetworks.com:4443/scim/v2" : profile.scimBaseUrl())
            + "/" + profile.accountId() + "/" + profile.sourceId();
    String request = null;
    String answer = null;
    if (lastFailedProvision != null) {
      request = profile.entra() != null
          ? "POST /servicePrincipals/" + profile.entra().servicePrincipalId() + "/synchronization/jobs/"
              + profile.entra().jobId() + "/provisionOnDemand for " + lastFailedProvision.subject()
          : "provision " + lastFailedProvision.subject() + " in " + profile.idp().displayName();
      answer = lastFailedProvision.status() + ": " + lastFailedProvision.reason();
    }
    return new SupportFacts(profile.entra() == null ? null : profile.entra().servicePrincipalId(),
        profile.entra() == null ? null : profile.entra().jobId(), failures.storyId(), List.copyOf(eventIds), scimUrl,
        request, answer, jobState, profile.entra() == null ? null : profile.entra().tenantId(),
        List.copyOf(provisioningLogIds));
  }

  /** Keeps the ids of failed provisioning log entries (not a command: only the report reads them). */
  void provisioningLogs(List<ProvisioningLogEntry> entries) {
    for (ProvisioningLogEntry e : entries) {
      if (e.id() != null && !provisioningLogIds.contains(e.id()) && provisioningLogIds.size() < 20) {
        provisioningLogIds.add(e.id());
      }
    }
  }

  /** The cycle's diagnosis and fix; a later cycle that only finds provisioning working again keeps the real fix. */
  Repair keepCause(Repair repair) {
    RootCause earlier = effectiveCause();
    causes.add(new CycleCause(cycle, failures.lastSeen(), failures.lastReason(), repair.cause(), repair.conclusion(),
        repair.fixed() ? now() : null));
    if (repair.fixed() && repair.cause() == RootCause.TRANSIENT && earlier != null) {
      return Repair.fixed(earlier, "Cycle " + cycle + " found provisioning working again after the failure at "
          + failures.lastSeen() + " (" + failures.lastReason() + "); the fix that made it recover was cycle "
          + fixCycle(earlier) + "'s: " + fixConclusion(earlier));
    }
    return repair;
  }

  /** The cause of the latest real fix (anything but TRANSIENT), or null when no cycle made one. */
  RootCause effectiveCause() {
    for (int i = causes.size() - 1; i >= 0; i--) {
      CycleCause c = causes.get(i);
      if (c.fixedAt() != null && c.cause() != RootCause.TRANSIENT && c.cause() != RootCause.UNKNOWN) {
        return c.cause();
      }
    }
    return null;
  }

  private int fixCycle(RootCause cause) {
    for (int i = causes.size() - 1; i >= 0; i--) {
      if (causes.get(i).cause() == cause && causes.get(i).fixedAt() != null) {
        return causes.get(i).cycle();
      }
    }
    return cycle;
  }

  private String fixConclusion(RootCause cause) {
    for (int i = causes.size() - 1; i >= 0; i--) {
      if (causes.get(i).cause() == cause && causes.get(i).fixedAt() != null) {
        return causes.get(i).fix();
      }
    }
    return "";
  }

  void done(Outcome end, RootCause cause) {
    step = Step.DONE;
    Workflow.upsertTypedSearchAttributes(
        PlaybookSearchAttributes.STEP.valueSet(Step.DONE.name()),
        PlaybookSearchAttributes.OUTCOME.valueSet(end.name()),
        PlaybookSearchAttributes.ROOT_CAUSE.valueSet(cause == null ? "NONE" : cause.name()));
    publish();
  }

  /** Everything above, for the run this one continues as. */
  RunSnapshot snapshot() {
    return new RunSnapshot(startedAt, profile, step, stepStartedAt, cycle, failures, feedEvidence,
        countedEventIds.ids(), List.copyOf(eventIds), List.copyOf(steps), timeline.kept(), timeline.dropped(),
        List.copyOf(causes), jobState, List.copyOf(provisioningLogIds), lastFailedProvision, rootCause);
  }

  /** Takes over what the previous run of this playbook knew; the UI and the step's search attribute follow. */
  void restore(RunSnapshot s) {
    startedAt = s.startedAt();
    profile = s.profile();
    step = s.step();
    stepStartedAt = s.stepStartedAt();
    cycle = s.cycle();
    failures = s.failures();
    feedEvidence = s.feedEvidence();
    countedEventIds.clear();
    s.recentEventIds().forEach(countedEventIds::add);
    eventIds.clear();
    eventIds.addAll(s.eventIds());
    steps.addAll(s.steps());
    timeline.restore(s.timeline(), s.timelineDropped());
    // Signals that reached this run before its first task were counted on the empty record; count them on the
    // carried one (an id the previous run already counted stays counted once).
    List<ScimFailureEvent> early = List.copyOf(countedBeforeBegin);
    countedBeforeBegin.clear();
    early.forEach(this::count);
    causes.addAll(s.causes());
    jobState = s.jobState();
    provisioningLogIds.addAll(s.provisioningLogIds());
    lastFailedProvision = s.lastFailedProvision();
    rootCause = s.rootCause();
    Workflow.upsertTypedSearchAttributes(PlaybookSearchAttributes.STEP.valueSet(step.name()));
    publish();
  }

  PlaybookStatus status() {
    return new PlaybookStatus(Workflow.getInfo().getWorkflowId(), step, cycle, idp(), outcome, rootCause, failures,
        pendingTask, List.copyOf(steps), timeline.entries());
  }

  /** Not a command: the UI's current details, so replaying an older history never trips over a change here. */
  void publish() {
    Workflow.setCurrentDetails(CurrentDetails.render(status(), profile));
  }

  private Idp idp() {
    return profile == null ? null : profile.idp();
  }

  /** The first failure, unless the reported time is missing or claims to be in the future. */
  Instant firstFailureOr(Instant fallback) {
    Instant candidate = failures.firstSeen();
    return candidate == null || candidate.isAfter(fallback) ? fallback : candidate;
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
