package io.scimplaybook.activities.onelogin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which OneLogin event types count as what, by their name in {@code GET /api/1/events/types}. OneLogin publishes the
 * type list as an API, not as fixed ids the playbook could rely on, so the ids are resolved by name at runtime
 * ({@link OneLoginEventCatalog}). The names these defaults expect ({@code USER_CREATED_IN_APP},
 * {@code USER_CREATION_FAILED_IN_APP}, {@code PROVISIONING_EXCEPTION}, {@code APP_ADDED_TO_ROLE}, ...) are an
 * assumption written down in docs/onelogin-api.md; a deployment whose account names them otherwise passes its own
 * patterns. A type matching several patterns counts as the first of failure, success, configuration change.
 *
 * @param provisioningFailure a provisioning outcome that failed (the source of "provisioning failures")
 * @param provisioningSuccess a provisioning outcome that succeeded (what makes a claim HELD and a cycle "Succeeded")
 * @param configurationChange a change to an app or its provisioning that can explain a failure (audit review)
 */
public record OneLoginEventRules(Pattern provisioningFailure, Pattern provisioningSuccess, Pattern configurationChange) {

  /** Names about provisioning (or a user in an app) that say it failed. */
  public static final String DEFAULT_FAILURE = "^(?=.*(?:PROVISION|IN_APP))(?=.*(?:FAIL|EXCEPTION|ERROR)).*$";

  /** A user created, updated, ... in an app: OneLogin pushed the change to the app. */
  public static final String DEFAULT_SUCCESS = "^(?=.*(?:_IN_APP|PROVISIONED))(?!.*(?:FAIL|EXCEPTION|ERROR)).*$";

  /** Changes to an app (its settings, parameters, certificates, roles), not sign-ins or access requests. */
  public static final String DEFAULT_CONFIGURATION = "^(?!.*(?:LOGGED|LOGIN|LOGOUT|LOCKED|ACCESS|REQUEST|_IN_APP))"
      + "(?=.*APP).*(?:UPDATED|CHANGED|MODIFIED|CREATED|DELETED|DESTROYED|ADDED|REMOVED|ENABLED|DISABLED|CONFIG"
      + "|PARAMETER|CERTIFICATE|CREDENTIAL).*$";

  public OneLoginEventRules {
    Objects.requireNonNull(provisioningFailure, "provisioningFailure");
    Objects.requireNonNull(provisioningSuccess, "provisioningSuccess");
    Objects.requireNonNull(configurationChange, "configurationChange");
  }

  public static OneLoginEventRules defaults() {
    return of(DEFAULT_FAILURE, DEFAULT_SUCCESS, DEFAULT_CONFIGURATION);
  }

  /** Rules from configuration; a blank pattern keeps that default. Names are matched upper-case. */
  public static OneLoginEventRules of(String failure, String success, String configuration) {
    return new OneLoginEventRules(
        compile(failure, DEFAULT_FAILURE), compile(success, DEFAULT_SUCCESS), compile(configuration, DEFAULT_CONFIGURATION));
  }

  private static Pattern compile(String pattern, String fallback) {
    return Pattern.compile(pattern == null || pattern.isBlank() ? fallback : pattern);
  }
}
