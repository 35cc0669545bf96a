package io.scimplaybook.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts each scenario starts with, all placed relative to start-up so that a playbook run started right away finds
 * them in its windows: the failure four minutes ago, the suspect changes a few minutes before it, unrelated noise
 * hours before it.
 */
final class ScenarioScript {
  /** The Cato enterprise app's display name in Entra. */
  static final String ENTRA_APP_NAME = "Cato Networks SCIM";
  static final String PLAYBOOK_URL = "https://support.catonetworks.com/hc/en-us/articles/"
      + "32567974126749-XOps-Network-Playbook-SCIM-Provisioning-Failed";
  static final String INDICATION = "SCIM Provisioning Failed";
  static final String CHANGED_DOMAIN = "corp.example.com";

  static final Duration FAILURE_BEFORE_START = Duration.ofMinutes(4);
  /**
   * The sandbox job's schedule in wall-clock time: Entra's is 40 minutes, far longer than a demo; a few seconds let a
   * short monitoring window see a scheduled cycle after the fix.
   */
  static final Duration SCHEDULE = Duration.ofSeconds(5);

  private ScenarioScript() {}

  static Instant failureTime(Instant start) {
    return start.minus(FAILURE_BEFORE_START);
  }

  static SyncFailure initialFailure(Scenario scenario) {
    return switch (scenario) {
      case TOKEN_MISMATCH, SCHEDULED_STILL_FAILS, REOPENED_STORY, TWO_CYCLES -> SyncFailure.INVALID_CREDENTIALS;
      case CONFIG_CHANGE, PERSISTENT -> SyncFailure.ENDPOINT_ERROR;
      case TRANSIENT -> SyncFailure.SERVICE_UNAVAILABLE;
    };
  }

  /** Whether the IdP starts with a token Cato no longer accepts (every scenario whose failure is invalid credentials). */
  static boolean staleTokenAtStart(Scenario scenario) {
    return initialFailure(scenario) == SyncFailure.INVALID_CREDENTIALS;
  }

  /**
   * What a failure reported after start-up ({@code POST /sandbox/cato/failure}) meets when provisioning works again:
   * in two-cycles a one-off 503 on Cato's side; otherwise the scenario's own failure coming back.
   */
  static SyncFailure laterFailure(Scenario scenario) {
    return scenario == Scenario.TWO_CYCLES ? SyncFailure.SERVICE_UNAVAILABLE : initialFailure(scenario);
  }

  /** The timeline text when Cato reopens the story in reopened-story. */
  static final String REOPEN_DESCRIPTION = "Story reopened: users assigned to " + ENTRA_APP_NAME
      + " are still missing in the account; the issue is not resolved";

  /** Cato's ids look like 24-hex object ids; deriving them from the start time keeps them stable within a run. */
  static String storyId(Instant start) {
    return String.format("%08x", start.getEpochSecond()) + "a1c3e5f7b9d2e4f6";
  }

  static String incidentId(Instant start) {
    return String.format("%08x", start.getEpochSecond()) + "0b1d3f5a7c9e2468";
  }

  static List<AuditEntry> catoAuditTrail(Scenario scenario, Instant failure) {
    List<AuditEntry> trail = new ArrayList<>();
    trail.add(new AuditEntry(
        failure.minus(Duration.ofHours(3)), "2001", "netops@example.com", "MODIFIED", "Site", "Tel Aviv HQ",
        "1001", "site", "configuration"));
    trail.add(new AuditEntry(
        failure.minus(Duration.ofMinutes(50)), "2001", "netops@example.com", "MODIFIED", "Admin",
        "helpdesk@example.com", "2007", "admin", "administration"));
    if (scenario == Scenario.CONFIG_CHANGE) {
      trail.add(new AuditEntry(
          failure.minus(Duration.ofMinutes(7)), "2002", "it-admin@example.com", "MODIFIED", "Domain", "example.com",
          "3001", "any", "administration"));
      trail.add(new AuditEntry(
          failure.minus(Duration.ofMinutes(6)), "2002", "it-admin@example.com", "DELETED", "Domain", CHANGED_DOMAIN,
          "3002", "any", "administration"));
    }
    return trail;
  }

  /** The admin puts the deleted domain back. */
  static AuditEntry revertEntry(Instant at) {
    return new AuditEntry(at, "2002", "it-admin@example.com", "CREATED", "Domain", CHANGED_DOMAIN, "3003", "any",
        "administration");
  }

  static List<EntraAuditEntry> entraAudits(Scenario scenario, Instant failure, SandboxConfig config) {
    List<EntraAuditEntry> audits = new ArrayList<>();
    audits.add(new EntraAuditEntry(
        "Directory_" + Tokens.hex(8), failure.minus(Duration.ofHours(2)), "UserManagement", "Update user", "Update",
        "helpdesk@example.com", "a7b8c9d0-1e2f-4a3b-8c4d-5e6f7a8b9c0d", null, "User",
        List.of(new EntraAuditEntry.Change("JobTitle", "[\"Analyst\"]", "[\"Senior Analyst\"]"))));
    if (scenario == Scenario.CONFIG_CHANGE) {
      audits.add(new EntraAuditEntry(
          "Directory_" + Tokens.hex(8), failure.minus(Duration.ofMinutes(8)), "ApplicationManagement",
          "Update service principal", "Update", "it-admin@example.com", config.servicePrincipalId(), ENTRA_APP_NAME,
          "ServicePrincipal",
          List.of(
              new EntraAuditEntry.Change("AppRoleAssignmentRequired", "[false]", "[true]"),
              new EntraAuditEntry.Change("Included Updated Properties", null, "\"AppRoleAssignmentRequired\""))));
    }
    return audits;
  }

  /**
   * The IdP-side changes to the Cato app before the failure, for the IdPs whose log the playbook reads (Okta's System
   * Log, OneLogin's events): in config-change an admin edits the app's provisioning settings a minute before the Cato
   * Domain change, so audit review finds a suspect on both sides (as Entra's service principal update does); the
   * Domain change stays what fixing undoes. Entra's changes are its directory audits; a custom app has no log.
   */
  static List<IdpChange> idpChanges(SandboxIdp idp, Scenario scenario, Instant failure) {
    List<IdpChange> changes = new ArrayList<>();
    if (idp != SandboxIdp.OKTA && idp != SandboxIdp.ONELOGIN) {
      return changes;
    }
    changes.add(new IdpChange(Tokens.hex(10), failure.minus(Duration.ofHours(5)), IdpChange.Kind.APP_SETTINGS,
        "helpdesk@example.com", "App Visibility"));
    if (scenario == Scenario.CONFIG_CHANGE) {
      changes.add(new IdpChange(Tokens.hex(10), failure.minus(Duration.ofMinutes(8)), IdpChange.Kind.APP_SETTINGS,
          "it-admin@example.com", "Provisioning: Update User Attributes"));
    }
    return changes;
  }

  /** The scheduled cycles before the failure: the last good one, then the failing one. */
  static List<ProvisioningAttempt> provisioningHistory(Scenario scenario, Instant failure) {
    List<ProvisioningAttempt> history = new ArrayList<>();
    history.add(new ProvisioningAttempt(Tokens.hex(16), failure.minus(Duration.ofMinutes(40)), false, null));
    history.add(new ProvisioningAttempt(Tokens.hex(16), failure, false, initialFailure(scenario)));
    return history;
  }
}
