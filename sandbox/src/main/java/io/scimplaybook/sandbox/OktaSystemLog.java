package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The Okta org's System Log, built from the scenario: each push of the probe user (scheduled or on demand) is an
 * {@code application.provision.user.push_profile} event, SUCCESS or FAILURE with the SCIM endpoint's reason; a push
 * Cato refused for its token is preceded by {@code application.integration.authentication_failure}, any other failed
 * push by {@code application.integration.general_failure}; admins' changes to the app are
 * {@code application.configuration.update} (settings, with {@code target[].changeDetails}) and
 * {@code application.lifecycle.update} (the provisioning token, never its value). Plus an admin sign-in as noise.
 *
 * <p>Shapes: the LogEvent of okta-developer-docs' System Log reference ("Example LogEvent object",
 * examples/okta-systemLog-logevent.example.json) and the OpenAPI spec's {@code LogTargetChangeDetails}
 * (examples/okta-systemLog-target-changeDetails.example.json); event type names from the Okta event types the
 * reference lists (API-NOTES.md, "Okta"). Every id is stable for the sandbox's lifetime, so paging cursors hold.
 */
final class OktaSystemLog {
  static final String PUSH_PROFILE = "application.provision.user.push_profile";
  static final String AUTHENTICATION_FAILURE = "application.integration.authentication_failure";
  static final String GENERAL_FAILURE = "application.integration.general_failure";
  static final String CONFIGURATION_UPDATE = "application.configuration.update";
  static final String LIFECYCLE_UPDATE = "application.lifecycle.update";
  static final String APP_LABEL = "Cato Networks SCIM";
  static final String PROBE_DISPLAY_NAME = "Probe User";

  private OktaSystemLog() {}

  /** Every event so far, oldest first (ties by uuid, the order paging follows). */
  static List<ObjectNode> events(ScenarioState state) {
    SandboxConfig config = state.config();
    List<ObjectNode> events = new ArrayList<>();
    Instant start = state.story().createdAt().minus(Duration.ofHours(6));
    events.add(signIn(uuid("session", start.toString()), start));
    for (ProvisioningAttempt attempt : state.provisioningAttempts()) {
      if (attempt.failure() == SyncFailure.INVALID_CREDENTIALS) {
        events.add(integrationFailure(attempt, config, AUTHENTICATION_FAILURE,
            "Authentication failure with application: the SCIM endpoint answered 401 Unauthorized"));
      } else if (attempt.failure() != null) {
        events.add(integrationFailure(attempt, config, GENERAL_FAILURE,
            "Error communicating with application: " + attempt.failure().catoReason()));
      }
      events.add(pushProfile(attempt, config));
    }
    for (IdpChange change : state.idpChanges()) {
      events.add(appChange(change, config));
    }
    events.sort(Comparator.comparing((ObjectNode e) -> e.get("published").asText())
        .thenComparing(e -> e.get("uuid").asText()));
    return events;
  }

  private static ObjectNode pushProfile(ProvisioningAttempt attempt, SandboxConfig config) {
    boolean ok = attempt.succeeded();
    ObjectNode e = base(uuid("push", attempt.id()), attempt.time(), PUSH_PROFILE, ok ? "INFO" : "ERROR",
        "Push user profile update to external application",
        ok ? "app.user_management.push_profile_success" : "app.user_management.push_profile_failure");
    e.set("actor", appActor(config));
    ObjectNode outcome = e.putObject("outcome");
    outcome.put("result", ok ? "SUCCESS" : "FAILURE");
    if (!ok) {
      outcome.put("reason", attempt.failure().catoReason());
    }
    ArrayNode target = e.putArray("target");
    target.add(probeTarget(config));
    target.add(appTarget(config));
    transaction(e, attempt.onDemand() ? "WEB" : "JOB", attempt.id());
    return e;
  }

  private static ObjectNode integrationFailure(
      ProvisioningAttempt attempt, SandboxConfig config, String eventType, String reason) {
    ObjectNode e = base(uuid(eventType, attempt.id()), attempt.time(), eventType, "WARN",
        eventType.equals(AUTHENTICATION_FAILURE) ? "Authentication failure with application"
            : "Error communicating with application",
        null);
    e.set("actor", appActor(config));
    ObjectNode outcome = e.putObject("outcome");
    outcome.put("result", "FAILURE");
    outcome.put("reason", reason);
    e.putArray("target").add(appTarget(config));
    transaction(e, attempt.onDemand() ? "WEB" : "JOB", attempt.id());
    return e;
  }

  private static ObjectNode appChange(IdpChange change, SandboxConfig config) {
    boolean token = change.kind() == IdpChange.Kind.PROVISIONING_TOKEN;
    ObjectNode e = base(uuid("change", change.id()), change.time(), token ? LIFECYCLE_UPDATE : CONFIGURATION_UPDATE,
        "INFO", token ? "Update application" : "Update application configuration", null);
    ObjectNode actor = e.putObject("actor");
    actor.put("id", "00u" + change.actor().hashCode());
    actor.put("type", "User");
    actor.put("alternateId", change.actor());
    actor.put("displayName", change.actor());
    e.putObject("outcome").put("result", "SUCCESS");
    ObjectNode app = appTarget(config);
    ObjectNode details = app.putObject("changeDetails");
    if (token) {
      // The System Log says the credential changed, never what it holds.
      details.putObject("from").put("provisioningCredentials", "API Token");
      details.putObject("to").put("provisioningCredentials", "API Token (updated)");
    } else {
      details.putObject("from").put(change.setting(), "ENABLED");
      details.putObject("to").put(change.setting(), "DISABLED");
    }
    e.putArray("target").add(app);
    transaction(e, "WEB", change.id());
    return e;
  }

  private static ObjectNode signIn(String uuid, Instant at) {
    ObjectNode e = base(uuid, at, "user.session.start", "INFO", "User login to Okta", "core.user_auth.login_success");
    ObjectNode actor = e.putObject("actor");
    actor.put("id", "00u1qw1mqitPHM8AJ0g7");
    actor.put("type", "User");
    actor.put("alternateId", "netops@example.com");
    actor.put("displayName", "Net Ops");
    e.putObject("outcome").put("result", "SUCCESS");
    e.putArray("target");
    transaction(e, "WEB", "V04Oy4ubUOc5UuG6s9DyNQAABtc");
    return e;
  }

  private static ObjectNode base(
      String uuid, Instant published, String eventType, String severity, String displayMessage, String legacy) {
    ObjectNode e = Json.object();
    e.put("uuid", uuid);
    e.put("published", Json.time(published));
    e.put("eventType", eventType);
    e.put("version", "0");
    e.put("severity", severity);
    e.put("legacyEventType", legacy);
    e.put("displayMessage", displayMessage);
    ObjectNode client = e.putObject("client");
    client.put("zone", "null");
    client.put("device", "Unknown");
    client.putObject("userAgent").put("os", "Unknown").put("browser", "UNKNOWN").put("rawUserAgent", "UNKNOWN");
    client.put("ipAddress", "192.0.2.10");
    e.putObject("debugContext").putObject("debugData");
    e.putObject("authenticationContext").put("authenticationStep", 0);
    e.putObject("securityContext");
    return e;
  }

  private static ObjectNode appActor(SandboxConfig config) {
    ObjectNode actor = Json.object();
    actor.put("id", config.okta().appId());
    actor.put("type", "PublicClientApp");
    actor.put("alternateId", APP_LABEL);
    actor.put("displayName", APP_LABEL);
    return actor;
  }

  private static ObjectNode appTarget(SandboxConfig config) {
    ObjectNode t = Json.object();
    t.put("id", config.okta().appId());
    t.put("type", "AppInstance");
    t.put("alternateId", APP_LABEL);
    t.put("displayName", APP_LABEL);
    return t;
  }

  private static ObjectNode probeTarget(SandboxConfig config) {
    ObjectNode t = Json.object();
    t.put("id", config.okta().probeUserId());
    t.put("type", "AppUser");
    t.put("alternateId", config.probeUserPrincipalName());
    t.put("displayName", PROBE_DISPLAY_NAME);
    return t;
  }

  private static void transaction(ObjectNode e, String type, String id) {
    ObjectNode t = e.putObject("transaction");
    t.put("type", type);
    t.put("id", id);
    t.putObject("detail");
  }

  private static String uuid(String kind, String id) {
    return UUID.nameUUIDFromBytes((kind + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
