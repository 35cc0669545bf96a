package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;
import static io.scimplaybook.workflows.RunRecord.now;

import io.scimplaybook.api.activities.FleetActivities;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.SourceFailure;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A suspected provider-side incident (change id {@value #CHANGE}; README, "Provider incidents"): the run tells the
 * fleet watch its source's failure reason once it is diagnosed, and before it asks anyone to revert a change or rotate
 * a token it holds, durably, while the watch has an open incident this source belongs to. When the incident clears it
 * provisions on demand again: working, the run goes on to the recovery proof with {@link RootCause#PROVIDER_INCIDENT};
 * still failing, or held for {@code max-hold}, it goes on to the people steps as before. Settings arrive in the
 * watch's verdict; workflow code reads no configuration.
 *
 * <p>Not resumable by continue-as-new: a held run's history grows only with the failures it receives, and the hold is
 * bounded by {@code max-hold}.
 */
final class FleetHold {
  static final String CHANGE = "fleet-hold-v1";
  /** How the timeline note of a hold begins; the UI's current details look for it. */
  static final String HELD = "Held for fleet incident ";

  private final RunRecord run;
  private Boolean enabled;
  private Promise<FleetVerdict> reported;
  private int reportedCycle;
  private FleetVerdict verdict;
  /** The open incident this run's source belongs to, as the verdict or a notice said. */
  private FleetIncident incident;
  /** The incident the run holds or last held for, as last heard of (a cleared one with its clearing time). */
  private FleetIncident latest;
  /** Incident ids that cleared; a verdict read before the clearing must not bring one back. Only looked up. */
  private final Set<String> cleared = new HashSet<>();
  private int heldInCycle;

  FleetHold(RunRecord run) {
    this.run = run;
  }

  /** Decided once per run: runs started before the change never report and never hold, so their histories replay. */
  private boolean enabled() {
    if (enabled == null) {
      enabled = Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    }
    return enabled;
  }

  /** Right after the diagnosis: the watch counts this source while the run provisions on demand; no waiting here. */
  void report() {
    if (!enabled()) {
      return;
    }
    reported = Async.function(reporter()::reportFleetSighting, failure());
    reportedCycle = run.cycle;
  }

  /**
   * Before the first person of this cycle is asked; called at more than one point, holds at most once a cycle.
   *
   * @param provision step 2 again, titled
   * @return the repair when provisioning works again after the incident cleared; null to go on to the people steps
   */
  Repair beforeAskingPeople(Function<String, ProvisionResult> provision) {
    if (!enabled() || heldInCycle == run.cycle) {
      return null;
    }
    FleetVerdict v = verdict();
    if (v == null || v.settings() == null || !v.settings().holds()) {
      return null;
    }
    if (incident == null && v.incident() != null && !cleared.contains(v.incident().id())) {
      incident = v.incident();
    }
    if (incident == null) {
      return null;
    }
    latest = incident;
    heldInCycle = run.cycle;
    return hold(v.settings(), provision);
  }

  /** The verdict of this cycle's report: awaited if it is in flight, asked for if this cycle has not reported yet. */
  private FleetVerdict verdict() {
    try {
      if (reported == null || reportedCycle != run.cycle) {
        reported = Async.function(reporter()::reportFleetSighting, failure());
        reportedCycle = run.cycle;
      }
      verdict = reported.get();
    } catch (ActivityFailure f) {
      run.note("The fleet watch could not be asked about a provider incident (" + Reasons.of(f) + "); going on");
      verdict = null;
    }
    return verdict;
  }

  private Repair hold(FleetSettings settings, Function<String, ProvisionResult> provision) {
    Instant since = now();
    Instant until = since.plus(settings.maxHold());
    run.beginStep(Step.FLEET_HOLD);
    run.note(heldNote(incident, until));
    // Not a command: the UI says why nobody is asked anything for as long as the hold lasts.
    run.publish();
    FleetIncident heldFor = incident;
    // A source still failing says so, so the watch does not clear the incident under it; a third of the quiet period
    // apart at most, however many failures arrive.
    Duration spacing = settings.quietPeriod().dividedBy(3);
    Instant lastReport = since;
    long seen = run.failures.count();
    boolean unreported = false;
    while (incident != null && now().isBefore(until)) {
      Instant wake = unreported && lastReport.plus(spacing).isBefore(until) ? lastReport.plus(spacing) : until;
      Duration left = Duration.between(now(), wake);
      if (left.compareTo(Duration.ZERO) > 0) {
        long before = seen;
        Workflow.await(left, () -> incident == null || run.failures.count() > before);
      }
      if (incident == null) {
        break;
      }
      if (!latest.id().equals(heldFor.id())) {
        heldFor = latest;
        run.note(heldNote(latest, until));
        run.publish();
      }
      if (run.failures.count() > seen) {
        seen = run.failures.count();
        unreported = true;
      }
      if (unreported && !now().isBefore(lastReport.plus(spacing))) {
        reportAgain();
        lastReport = now();
        unreported = false;
      }
    }
    heldFor = latest;
    List<String> evidence = new ArrayList<>(List.of(
        "Fleet incident " + heldFor.id() + ": \"" + heldFor.reason() + "\" (" + heldFor.key() + ")",
        "Scope: " + heldFor.scope() + " " + heldFor.scopeLabel() + "; " + heldFor.affectedSources()
            + " sources; declared at " + heldFor.declaredAt()
            + (heldFor.clearedAt() == null ? "" : ", cleared at " + heldFor.clearedAt()),
        "Held from " + since + " to " + now()));
    if (incident != null) {
      run.recordStep(StepResult.FAILED, "Fleet incident " + heldFor.id() + " did not clear within the maximum hold ("
          + settings.maxHold() + "); going on to ask people", evidence);
      return null;
    }
    run.recordStep(StepResult.PASSED, "Fleet incident " + heldFor.id() + " cleared; provisioning on demand again",
        evidence);
    ProvisionResult again = provision.apply(
        "Provision " + run.profile.probeUser() + " again after fleet incident " + heldFor.id() + " cleared");
    if (again.succeeded()) {
      return Repair.fixed(RootCause.PROVIDER_INCIDENT, "Suspected provider-side incident: the same failure (\""
          + heldFor.reason() + "\") hit " + heldFor.affectedSources() + " sources "
          + (heldFor.scope() == FleetScope.TENANT ? "in " : "across ") + heldFor.scopeLabel()
          + " (fleet incident " + heldFor.id() + ", declared " + heldFor.declaredAt() + "). The run held instead of "
          + "asking for a new token or a revert; once the incident cleared, provisioning on demand worked again with "
          + "nothing changed on this source.");
    }
    run.note("Provisioning still fails after fleet incident " + heldFor.id() + " cleared; going on with the playbook");
    return null;
  }

  private void reportAgain() {
    try {
      FleetVerdict v = reporter().reportFleetSighting(failure());
      if (v != null && v.incident() != null && incident != null && v.incident().id().equals(incident.id())) {
        incident = v.incident();
        latest = incident;
      }
    } catch (ActivityFailure f) {
      run.note("Could not tell the fleet watch that this source still fails: " + Reasons.of(f));
    }
  }

  private static String heldNote(FleetIncident i, Instant until) {
    return HELD + i.id() + " (\"" + i.reason() + "\", " + i.affectedSources() + " sources, "
        + (i.scope() == FleetScope.TENANT ? "tenant " : "across ") + i.scopeLabel() + "): nobody is asked to revert a change or rotate a token while it lasts; the "
        + "run goes on by itself when it clears, or at " + until + " at the latest";
  }

  /** The signal handler: never throws, and only notes what it cannot use. */
  void noticed(FleetNotice notice) {
    if (notice == null || notice.kind() == null || notice.incident() == null || notice.incident().id() == null) {
      run.note("Ignored a fleet notice without an incident");
      return;
    }
    FleetIncident i = notice.incident();
    if (notice.kind() == FleetNotice.Kind.DECLARED) {
      // The newest declaration naming this source wins: an incident across accounts takes over a tenant's.
      if (!cleared.contains(i.id()) && (incident == null || !incident.id().equals(i.id()))) {
        incident = i;
        latest = i;
        run.note("The fleet watch declared " + i.describe() + "; this source is one of them");
      }
    } else {
      cleared.add(i.id());
      if (incident != null && incident.id().equals(i.id())) {
        incident = null;
        latest = i;
        run.note("Fleet incident " + i.id() + " cleared at " + i.clearedAt() + " (no new failure for the quiet period)");
      }
    }
    run.publish();
  }

  private FleetActivities reporter() {
    return stub(FleetActivities.class, ActivityPolicies.fleetReport(),
        "tell the fleet watch this source fails (\"" + run.failures.lastReason() + "\")");
  }

  private SourceFailure failure() {
    SourceProfile p = run.profile;
    return new SourceFailure(Workflow.getInfo().getWorkflowId(), run.input.accountId(), run.input.sourceId(),
        p == null ? null : p.idp().name(), p == null ? null : tenant(p), run.failures.lastReason(),
        run.failures.lastSeen());
  }

  private static String tenant(SourceProfile p) {
    if (p.entra() != null) {
      return p.entra().tenantId();
    }
    if (p.okta() != null) {
      return p.okta().orgUrl();
    }
    return p.onelogin() == null ? null : p.onelogin().apiUrl();
  }
}
