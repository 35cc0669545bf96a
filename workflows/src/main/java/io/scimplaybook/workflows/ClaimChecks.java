package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;
import static io.scimplaybook.workflows.RunRecord.now;

import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.FailureRecord;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.VerificationQuery;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskKind;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An operator's "done" is checked, not trusted (change id {@value Capabilities#CHANGE}). After SUCCEEDED to a manual
 * task the run asks what can tell: the IdP (where the worker reads its provisioning failures or scheduled cycles),
 * Cato's events after the answer, and for an installed token the probe user pushed through the IdP's API. A claim the
 * evidence contradicts opens the task again (a new task id, so metrics and notifications count it as a new task) with
 * what was seen, up to {@code PlaybookOptions.maxClaimReopens()}; then the step fails with that evidence. Nothing seen
 * either way leaves the claim UNVERIFIED, taken on the operator's word, and the evidence says why.
 */
final class ClaimChecks {
  private final RunRecord run;
  private final OperatorTasks tasks;
  private final Capabilities capabilities;

  ClaimChecks(RunRecord run, OperatorTasks tasks, Capabilities capabilities) {
    this.run = run;
    this.tasks = tasks;
    this.capabilities = capabilities;
  }

  /**
   * How a checked task ended.
   *
   * @param decision the operator's last answer; FAILED when every SUCCEEDED was contradicted up to the bound; null on
   *     timeout
   * @param evidence who answered, and each check with its verdict
   * @param verdict the last check's verdict; null when nothing was checked
   * @param seen what contradicted the claim the last time, for the conclusion; null when nothing did
   * @param pushed the probe user's push made to check an installed token; null when none was made
   */
  record Answer(Decision decision, List<String> evidence, ClaimVerdict verdict, String seen, ProvisionResult pushed) {
    boolean succeeded() {
      return decision == Decision.SUCCEEDED;
    }

    /** Every "done" was contradicted, up to the bound. */
    boolean contradicted() {
      return verdict == ClaimVerdict.CONTRADICTED;
    }
  }

  /** One thing that was asked, and what it said. */
  private record Finding(String source, ClaimVerdict verdict, List<String> lines) {}

  /** Asks an operator to do {@code claim} by hand and checks the answer; see the class comment. */
  Answer ask(TaskKind kind, ManualClaim claim, String title, String instructions) {
    List<String> evidence = new ArrayList<>();
    for (int reopened = 0; ; reopened++) {
      Decision answer = tasks.ask(kind, reopened == 0 ? title : title + " (opened again: " + reopened + ")",
          reopened == 0 ? instructions : Instructions.reopened(evidence.get(evidence.size() - 1), instructions));
      evidence.addAll(tasks.answerNote());
      if (answer != Decision.SUCCEEDED || !capabilities.ported()) {
        return new Answer(answer, evidence, null, null, null);
      }
      Instant answeredAt = now();
      List<Finding> findings = new ArrayList<>();
      ProvisionResult pushed = check(claim, answeredAt, findings);
      ClaimVerdict verdict = verdict(findings);
      String summary = EvidenceText.claimChecked(claimText(claim), answeredAt, verdict, lines(findings, verdict));
      evidence.add(summary);
      if (verdict != ClaimVerdict.CONTRADICTED) {
        return new Answer(answer, evidence, verdict, null, pushed);
      }
      if (reopened >= run.options.maxClaimReopens()) {
        run.note("The claim that " + claimText(claim) + " was contradicted " + (reopened + 1) + " time(s); the step "
            + "fails with the evidence");
        return new Answer(Decision.FAILED, evidence, verdict, String.join("; ", lines(findings, verdict)), pushed);
      }
      run.note("The evidence contradicts the claim that " + claimText(claim) + "; the task is opened again");
    }
  }

  /** Runs every check that can tell something; returns the probe user's push when one was made. */
  private ProvisionResult check(ManualClaim claim, Instant answeredAt, List<Finding> findings) {
    String idpName = run.profile.idp().displayName();
    Promise<ClaimCheck> atIdp = null;
    if (capabilities.automates(IdpCapability.READ_PROVISIONING_FAILURES)
        || capabilities.automates(IdpCapability.READ_SCHEDULED_CYCLE)) {
      atIdp = Async.function(stub(IdpActivities.class, ActivityPolicies.idpLogs(),
          "check in " + idpName + " that " + claimText(claim))::checkClaim, run.profile, claim, answeredAt);
    }
    VerificationQuery after = new VerificationQuery(run.input.accountId(), run.input.sourceId(), answeredAt, now(),
        run.failures.storyId());
    Promise<EventFindings> atCato = Async.function(stub(CatoActivities.class, ActivityPolicies.catoQuery(),
        "look for SCIM Provisioning / Failed events after the operator's answer")::findFailureEvents, after);

    if (atIdp == null) {
      findings.add(new Finding(idpName, ClaimVerdict.UNVERIFIED, List.of(noIdpCheck(idpName))));
    } else {
      try {
        ClaimCheck c = atIdp.get();
        findings.add(new Finding(idpName, c.verdict() == null ? ClaimVerdict.UNVERIFIED : c.verdict(), c.evidence()));
      } catch (ActivityFailure f) {
        findings.add(new Finding(idpName, ClaimVerdict.UNVERIFIED, List.of("could not be asked: " + Reasons.of(f))));
      }
    }
    try {
      List<FailureRecord> since = atCato.get().events().stream()
          .filter(e -> e.time() != null && e.time().isAfter(answeredAt)).toList();
      findings.add(since.isEmpty()
          ? new Finding("Cato", ClaimVerdict.UNVERIFIED, List.of("no SCIM Provisioning / Failed event after the answer"
              + " (Cato logs one only when a sync runs; the monitoring window watches on)"))
          : new Finding("Cato", ClaimVerdict.CONTRADICTED, List.of(EvidenceText.failureEvents(since, answeredAt))));
    } catch (ActivityFailure f) {
      findings.add(new Finding("Cato", ClaimVerdict.UNVERIFIED, List.of("events could not be read: " + Reasons.of(f))));
    }

    if (claim != ManualClaim.TOKEN_INSTALLED || !capabilities.automates(IdpCapability.PROVISION_NOW)) {
      return null;
    }
    String probe = run.profile.probeUser();
    try {
      ProvisionResult pushed = stub(IdpActivities.class, ActivityPolicies.idpCall(),
          "push " + probe + " through " + idpName + " to check the installed token").provisionOnDemand(run.profile);
      if (pushed.succeeded()) {
        findings.add(new Finding("probe push", ClaimVerdict.HELD,
            List.of(probe + " was pushed to Cato with the installed token (" + pushed.status() + ")")));
      } else {
        run.lastFailedProvision = pushed;
        findings.add(new Finding("probe push", authentication(pushed.status() + " " + pushed.reason())
            ? ClaimVerdict.CONTRADICTED : ClaimVerdict.UNVERIFIED,
            List.of("pushing " + probe + " failed: " + pushed.status() + " " + pushed.reason())));
      }
      return pushed;
    } catch (ActivityFailure f) {
      boolean refused = f.getCause() instanceof ApplicationFailure app
          && FailureTypes.AUTHENTICATION.equals(app.getType());
      findings.add(new Finding("probe push", refused ? ClaimVerdict.CONTRADICTED : ClaimVerdict.UNVERIFIED,
          List.of("pushing " + probe + " failed: " + Reasons.of(f))));
      return null;
    }
  }

  /**
   * Whether a failed push says the credentials were refused. IdPs word it differently (Entra's
   * SystemForCrossDomainIdentityManagementUnauthorized, Okta's authentication_failure, a bare HTTP 401), so this reads
   * the words rather than one code.
   */
  static boolean authentication(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("401") || t.contains("unauthorized") || t.contains("authentication") || t.contains("credential")
        || t.contains("invalid token") || t.contains("bearer");
  }

  /** Any contradiction outweighs every confirmation: one failed push is enough to know the token is not in place. */
  private static ClaimVerdict verdict(List<Finding> findings) {
    boolean held = false;
    for (Finding f : findings) {
      if (f.verdict() == ClaimVerdict.CONTRADICTED) {
        return ClaimVerdict.CONTRADICTED;
      }
      held |= f.verdict() == ClaimVerdict.HELD;
    }
    return held ? ClaimVerdict.HELD : ClaimVerdict.UNVERIFIED;
  }

  /** The lines that back the verdict: what contradicted it, what confirmed it, or every reason nothing could tell. */
  private static List<String> lines(List<Finding> findings, ClaimVerdict verdict) {
    List<String> lines = new ArrayList<>();
    for (Finding f : findings) {
      if (f.verdict() == verdict) {
        lines.add(f.source() + ": " + String.join("; ", f.lines()));
      }
    }
    return lines;
  }

  private String noIdpCheck(String idpName) {
    List<String> why = run.profile.manualReasons();
    return "this worker reads neither " + idpName + "'s provisioning failures nor its scheduled cycles"
        + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
  }

  private String claimText(ManualClaim claim) {
    String idpName = run.profile.idp().displayName();
    return switch (claim) {
      case PROVISIONED -> run.profile.probeUser() + " was provisioned to Cato from " + idpName;
      case TOKEN_INSTALLED -> "the new token is installed in " + idpName;
      case SCHEDULED_SYNC_SUCCEEDED -> idpName + "'s scheduled sync after the fix succeeded";
    };
  }
}
