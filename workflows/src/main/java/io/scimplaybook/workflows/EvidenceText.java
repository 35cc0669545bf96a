package io.scimplaybook.workflows;

import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.FailureRecord;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.status.RootCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The sentences a support engineer reads in the evidence and the conclusion. They are kept apart so the workflow reads
 * as the playbook; none of them reaches a command, so rewording one never breaks the replay of a recorded run.
 */
final class EvidenceText {
  private EvidenceText() {}

  static String story(StorySummary s) {
    return "Story " + s.id() + " (" + s.status() + "): " + s.indication();
  }

  static String failureEvents(List<FailureRecord> found, Instant from) {
    return found.size() + " SCIM Provisioning / Failed event(s) since " + from
        + (found.isEmpty() ? "" : "; latest reason: " + found.get(found.size() - 1).reason());
  }

  static String change(ConfigChange c) {
    return c.time() + " " + c.origin() + ": " + c.actor() + " " + c.changeType() + " " + c.objectType() + " '"
        + c.objectName() + "'" + (c.description() == null || c.description().isBlank() ? "" : " — " + c.description());
  }

  static String suspect(ConfigChange c, Instant firstFailure) {
    return "Suspect: " + change(c) + " (" + Duration.between(c.time(), firstFailure).toMinutes()
        + " min before the first failure)";
  }

  static String noAuditApi(String idpName, Instant from, Instant to) {
    return idpName + " has no audit API here: check its admin console's system log for changes to the Cato app between "
        + from + " and " + to;
  }

  /** A trail this worker does not read for the source: where a person finds it, and why it is not read. */
  static String trailNotRead(String trail, String where, Instant from, Instant to, List<String> why) {
    return trail + " is not read by this worker" + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")")
        + ": check " + where + " between " + from + " and " + to;
  }

  static String provisioningLog(String idpName, List<ProvisioningLogEntry> entries) {
    return entries.size() + " failed provisioning log entr" + (entries.size() == 1 ? "y" : "ies") + " in " + idpName
        + (entries.isEmpty() ? "" : "; latest: " + entries.get(entries.size() - 1).errorCode() + " "
            + entries.get(entries.size() - 1).reason());
  }

  static String tokenAtCato(TokenCheck c) {
    return "Cato SCIM endpoint: " + (c.accepted() ? "accepted" : "rejected") + " (" + c.detail() + ")";
  }

  static String tokenAtIdp(String idpName, TokenCheck c) {
    return idpName + " test connection: " + (c.accepted() ? "passed" : "failed") + " (" + c.detail() + ")";
  }

  static String isolated(SourceProfile p, Instant firstFailure) {
    return "Provisioning on demand succeeded at once: an isolated failure. Check Cato's maintenance notices and "
        + p.idp().displayName() + "'s service health around " + firstFailure + " for an interruption.";
  }

  static String reverted(ConfigChange latestSuspect) {
    return "Reverting a configuration change fixed provisioning: " + change(latestSuspect);
  }

  static String tokenMismatch(String approver) {
    return "The IdP held a SCIM token Cato no longer accepted; a new token, approved by " + approver
        + ", fixed provisioning.";
  }

  static String quarantine(io.scimplaybook.api.findings.JobStatus job) {
    return "The job is quarantined" + (job.quarantineReason() == null ? "" : ": " + job.quarantineReason())
        + (job.quarantineSeriesCount() == null ? "" : " (series count " + job.quarantineSeriesCount() + ")")
        + "; Entra keeps a quarantined job on a slowed schedule even after its credentials work";
  }

  /** One line per checked claim: the verdict first, then what backs it. */
  static String claimChecked(String claim, Instant answeredAt, ClaimVerdict verdict, List<String> backing) {
    String seen = String.join("; ", backing);
    return switch (verdict) {
      case HELD -> "Claim HELD: " + claim + " (answered " + answeredAt + "); seen: " + seen;
      case CONTRADICTED -> "Claim CONTRADICTED: " + claim + " (answered " + answeredAt + "); seen: " + seen;
      case UNVERIFIED -> "Claim UNVERIFIED, taken on the operator's word: " + claim + " (answered " + answeredAt
          + "); nothing could confirm or contradict it: " + seen;
    };
  }

  static String claimStillContradicted(String step, String seen) {
    return "The operator confirmed " + step + " each time it was asked, but the evidence contradicted it every time: "
        + seen;
  }

  static String notProven(String reason) {
    return "The fix was applied but the IdP's scheduled sync is not proven to work again. " + reason;
  }

  static String stillFailing(RootCause cause, String reason) {
    return "The fix (" + cause + ") made provisioning on demand work, but the scheduled sync still fails: " + reason;
  }

  static String doesNotHold(int cycles, RootCause cause) {
    return "Failures came back during monitoring in each of " + cycles + " cycles; the last fix (" + cause
        + ") does not hold.";
  }
}
