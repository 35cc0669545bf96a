package io.scimplaybook.activities.okta;

import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ManualClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Weighs an operator's claim against the app's provisioning outcomes in the System Log since the claim. The newest
 * outcome that bears on the claim decides (a token fixed after an authentication failure holds); nothing that bears on
 * it leaves the claim UNVERIFIED, never HELD.
 */
final class OktaClaimCheck {
  private static final int MAX_LINES = 5;

  private OktaClaimCheck() {}

  /**
   * @param events the app's push and integration-failure events since {@code since}, any order
   * @param probeUserId the probe user's Okta id; null when the source names none
   */
  static ClaimCheck check(ManualClaim claim, List<LogEvent> events, String probeUserId, String appId, Instant since) {
    Predicate<LogEvent> bears = switch (claim) {
      // The probe user's own pushes, and anything that says the connection itself is broken.
      case PROVISIONED -> e -> (isPushOutcome(e) && (probeUserId == null || e.targets(probeUserId)))
          || authenticationFailure(e);
      // Any push that got through proves the token; an authentication failure disproves it. Other failures (a
      // conflicting user) say nothing about the token.
      case TOKEN_INSTALLED -> e -> (OktaEventTypes.isPush(e.eventType()) && e.succeeded()) || authenticationFailure(e);
      // A cycle is every push and every integration failure.
      case SCHEDULED_SYNC_SUCCEEDED -> e -> isPushOutcome(e) || OktaEventTypes.isIntegrationFailure(e.eventType());
    };
    List<LogEvent> relevant = events.stream()
        .filter(e -> e.concernsApp(appId))
        .filter(e -> e.published() == null || !e.published().isBefore(since))
        .filter(bears)
        .sorted(Comparator.comparing(LogEvent::published, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
        .toList();
    if (relevant.isEmpty()) {
      return ClaimCheck.unverified(claim, "Okta System Log shows no " + what(claim) + " for app " + appId + " since "
          + since + " (" + events.size() + " provisioning events read, none bearing on it)");
    }
    LogEvent newest = relevant.get(0);
    boolean held = newest.succeeded() && !OktaEventTypes.isIntegrationFailure(newest.eventType());
    List<String> evidence = new ArrayList<>();
    evidence.add("Newest outcome since " + since + ": " + newest.line());
    relevant.stream().skip(1).limit(MAX_LINES - 1).forEach(e -> evidence.add("Earlier: " + e.line()));
    if (relevant.size() > MAX_LINES) {
      evidence.add((relevant.size() - MAX_LINES) + " earlier outcomes not listed");
    }
    return new ClaimCheck(claim, held ? ClaimVerdict.HELD : ClaimVerdict.CONTRADICTED, evidence);
  }

  private static boolean isPushOutcome(LogEvent e) {
    return OktaEventTypes.isPush(e.eventType()) && (e.succeeded() || e.failed());
  }

  /**
   * The integration's own authentication failure, or a push that failed for a refused credential (Okta words it in
   * the reason).
   */
  static boolean authenticationFailure(LogEvent e) {
    if (OktaEventTypes.AUTHENTICATION_FAILURE.equals(e.eventType())) {
      return true;
    }
    if (!OktaEventTypes.isPush(e.eventType()) || !e.failed() || e.reason() == null) {
      return false;
    }
    String reason = e.reason().toLowerCase(Locale.ROOT);
    return reason.contains("401") || reason.contains("unauthorized") || reason.contains("authentication")
        || reason.contains("credential") || reason.contains("invalid token");
  }

  private static String what(ManualClaim claim) {
    return switch (claim) {
      case PROVISIONED -> "push outcome for the probe user";
      case TOKEN_INSTALLED -> "successful push or authentication failure";
      case SCHEDULED_SYNC_SUCCEEDED -> "push outcome or integration failure";
    };
  }
}
