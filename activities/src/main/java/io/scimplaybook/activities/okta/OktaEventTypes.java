package io.scimplaybook.activities.okta;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The System Log event types the playbook reads (API-NOTES.md, Okta), and the filters that ask Okta for them. Every
 * filter also names the Cato app ({@code target.id eq "appId"}); events are checked again on our side, because a
 * filter Okta ignored must not let another app's events in.
 */
final class OktaEventTypes {
  /** Every push of a user to the app: push, push_profile, push_password, ... (their outcome says how it went). */
  static final String PUSH_PREFIX = "application.provision.user.push";
  static final String AUTHENTICATION_FAILURE = "application.integration.authentication_failure";
  static final String GENERAL_FAILURE = "application.integration.general_failure";
  static final String RATE_LIMIT_EXCEEDED = "application.integration.rate_limit_exceeded";
  static final List<String> INTEGRATION_FAILURES = List.of(AUTHENTICATION_FAILURE, GENERAL_FAILURE, RATE_LIMIT_EXCEEDED);
  /** Changes to the app and its provisioning settings: who turned what off, and when. */
  static final List<String> CONFIGURATION = List.of(
      "application.configuration.update",
      "application.lifecycle.update",
      "application.lifecycle.activate",
      "application.lifecycle.deactivate",
      "application.lifecycle.delete");

  private OktaEventTypes() {}

  static boolean isPush(String eventType) {
    return eventType != null && eventType.startsWith(PUSH_PREFIX);
  }

  static boolean isIntegrationFailure(String eventType) {
    return eventType != null && INTEGRATION_FAILURES.contains(eventType);
  }

  static boolean isConfiguration(String eventType) {
    return eventType != null && CONFIGURATION.contains(eventType);
  }

  /** Pushes and integration failures of the app: the provisioning outcomes. */
  static String outcomes(String appId) {
    return "(eventType sw \"" + PUSH_PREFIX + "\" or " + anyOf(INTEGRATION_FAILURES) + ") and " + target(appId);
  }

  static String configuration(String appId) {
    return "(" + anyOf(CONFIGURATION) + ") and " + target(appId);
  }

  private static String anyOf(List<String> types) {
    return types.stream().map(t -> "eventType eq \"" + t + "\"").collect(Collectors.joining(" or "));
  }

  /** Okta ids are letters and digits; anything else would change a filter's meaning, so the port refuses it first. */
  static boolean isOktaId(String id) {
    return id != null && id.matches("[0-9A-Za-z_-]+");
  }

  private static String target(String appId) {
    if (!isOktaId(appId)) {
      throw new IllegalArgumentException("the Okta app id is missing or not an Okta id");
    }
    return "target.id eq \"" + appId + "\"";
  }
}
