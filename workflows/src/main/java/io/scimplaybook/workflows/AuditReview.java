package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;
import static io.scimplaybook.workflows.RunRecord.now;

import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3: what changed shortly before the first failure, in Cato's audit trail and the IdP's logs, read in parallel.
 * A trail that cannot be read is noted and the others still count: a partial review beats none.
 */
final class AuditReview {
  private final RunRecord run;
  private final Capabilities capabilities;

  AuditReview(RunRecord run, Capabilities capabilities) {
    this.run = run;
    this.capabilities = capabilities;
  }

  /** The suspects, newest first: the change closest to the failure is the likeliest cause. */
  List<ConfigChange> suspects() {
    run.beginStep(Step.AUDIT_REVIEW);
    Instant firstFailure = run.firstFailureOr(now());
    AuditQuery query = new AuditQuery(run.input.accountId(), run.input.sourceId(),
        firstFailure.minus(run.options.auditWindow()), firstFailure);
    String idpName = run.profile.idp().displayName();
    Promise<ConfigChanges> cato =
        Async.function(stub(CatoActivities.class, ActivityPolicies.catoAudit(),
            "read Domain changes in Cato's audit trail")::findDomainChanges, query);
    Promise<ConfigChanges> idpChanges = null;
    Promise<ProvisioningLog> idpLog = null;
    // Each trail on its own: an IdP may give its changes without its failures, or the other way round.
    boolean readsChanges = capabilities.automates(IdpCapability.READ_CONFIG_CHANGES);
    boolean readsFailures = capabilities.automates(IdpCapability.READ_PROVISIONING_FAILURES);
    if (readsChanges || readsFailures) {
      IdpActivities idp = stub(IdpActivities.class, ActivityPolicies.idpLogs(), "read " + idpName + " audit logs");
      if (readsChanges) {
        idpChanges = Async.function(idp::findIdpChanges, run.profile, query);
      }
      if (readsFailures) {
        idpLog = Async.function(idp::findProvisioningFailures, run.profile, query);
      }
    }

    List<ConfigChange> suspects = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    suspects.addAll(changesOrNote(cato, "Cato's audit trail", evidence));
    if (idpChanges != null) {
      suspects.addAll(changesOrNote(idpChanges, idpName + "'s directory audit", evidence));
    } else if (!capabilities.ported()) {
      evidence.add(EvidenceText.noAuditApi(idpName, query.from(), query.to()));
    } else {
      evidence.add(EvidenceText.trailNotRead(idpName + "'s changes to the Cato app",
          Instructions.auditTrailWhere(run.profile), query.from(), query.to(), run.profile.manualReasons()));
    }
    if (idpLog != null) {
      try {
        List<ProvisioningLogEntry> entries = idpLog.get().entries();
        evidence.add(EvidenceText.provisioningLog(idpName, entries));
        run.provisioningLogs(entries);
      } catch (ActivityFailure f) {
        evidence.add("Could not read " + idpName + "'s provisioning log: " + Reasons.of(f));
      }
    } else if (capabilities.ported()) {
      evidence.add(EvidenceText.trailNotRead(idpName + "'s provisioning failures",
          Instructions.auditTrailWhere(run.profile), query.from(), query.to(), List.of()));
    }
    suspects.sort((a, b) -> b.time().compareTo(a.time()));
    for (ConfigChange c : suspects) {
      evidence.add(EvidenceText.suspect(c, firstFailure));
    }
    run.recordStep(StepResult.PASSED,
        suspects.isEmpty() ? "No configuration change before the failure" : suspects.size() + " suspect change(s)",
        evidence);
    return suspects;
  }

  private static List<ConfigChange> changesOrNote(Promise<ConfigChanges> promise, String trail, List<String> evidence) {
    try {
      List<ConfigChange> changes = promise.get().changes();
      evidence.add(changes.size() + " change(s) in " + trail);
      return changes;
    } catch (ActivityFailure f) {
      evidence.add("Could not read " + trail + ": " + Reasons.of(f));
      return List.of();
    }
  }
}
