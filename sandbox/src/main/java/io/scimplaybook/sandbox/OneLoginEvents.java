package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The OneLogin account's events, built from the scenario: each push of the probe user to the Cato SCIM app is a
 * provisioning success or a provisioning error (with {@code error_description}, as OneLogin's Event model documents
 * for provisioning errors); admins' changes to the app are app-updated events (settings, or the SCIM token in its
 * configuration, never the token). Plus an admin sign-in as noise.
 *
 * <p>Shapes: the Event model and {@code GET /api/1/events} answer ({@code status}, {@code pagination} with
 * {@code before_cursor}/{@code after_cursor}/{@code previous_link}/{@code next_link}, {@code data}) of OneLogin's
 * published API reference as its generated SDKs carry it (onelogin/onelogin-python-sdk docs/EventsApi.md, Event.md,
 * GetEvents200Response*.md). OneLogin's docs do not list the provisioning event type ids in a form we could check, so
 * these ids are the sandbox's own: {@code GET /api/1/events/types} publishes them with their names, and a client
 * should look an id up by name there (API-NOTES.md, "OneLogin").
 */
final class OneLoginEvents {
  /** id, name, description: what {@code /api/1/events/types} answers. */
  record Type(int id, String name, String description) {}

  static final Type USER_LOGGED_IN = new Type(5, "USER_LOGGED_INTO_ONELOGIN", "%user_name% logged into OneLogin");
  static final Type APP_UPDATED = new Type(172, "APP_UPDATED",
      "%actor_user_name% updated the %app_name% app configuration");
  static final Type PROVISIONING_SUCCEEDED = new Type(1304, "USER_PROVISIONED_TO_APP",
      "%user_name% was provisioned to %app_name%");
  static final Type PROVISIONING_ERROR = new Type(1305, "PROVISIONING_ERROR",
      "Provisioning of %user_name% to %app_name% failed: %error_description%");

  static final List<Type> TYPES = List.of(USER_LOGGED_IN, APP_UPDATED, PROVISIONING_SUCCEEDED, PROVISIONING_ERROR);
  static final String APP_NAME = "Cato Networks SCIM";
  static final String PROBE_NAME = "Probe User";

  private OneLoginEvents() {}

  /** Every event so far, oldest first; ids grow with time, as OneLogin's do. */
  static List<ObjectNode> events(ScenarioState state) {
    SandboxConfig config = state.config();
    List<Draft> drafts = new ArrayList<>();
    Instant signIn = state.story().createdAt().minus(Duration.ofHours(6));
    drafts.add(new Draft(signIn, "login", e -> {
      e.put("event_type_id", USER_LOGGED_IN.id());
      e.put("user_id", 58220001);
      e.put("user_name", "Net Ops");
      e.put("ipaddr", "192.0.2.10");
    }));
    for (ProvisioningAttempt attempt : state.provisioningAttempts()) {
      drafts.add(new Draft(attempt.time(), attempt.id(), e -> {
        e.put("event_type_id", (attempt.succeeded() ? PROVISIONING_SUCCEEDED : PROVISIONING_ERROR).id());
        e.put("app_id", config.onelogin().appId());
        e.put("app_name", APP_NAME);
        e.put("user_id", config.onelogin().probeUserId());
        e.put("user_name", PROBE_NAME);
        e.put("actor_system", attempt.onDemand() ? "Admin request" : "Provisioning");
        if (!attempt.succeeded()) {
          e.put("error_description", attempt.failure().catoReason());
        }
        e.put("notes", attempt.succeeded() ? "Update user" : "Update user failed");
      }));
    }
    for (IdpChange change : state.idpChanges()) {
      drafts.add(new Draft(change.time(), change.id(), e -> {
        e.put("event_type_id", APP_UPDATED.id());
        e.put("app_id", config.onelogin().appId());
        e.put("app_name", APP_NAME);
        e.put("actor_user_id", 58220000L + Math.abs(change.actor().hashCode() % 1000));
        e.put("actor_user_name", change.actor());
        e.put("ipaddr", "192.0.2.20");
        e.put("custom_message", change.kind() == IdpChange.Kind.PROVISIONING_TOKEN
            ? "Configuration: SCIM Bearer Token changed" : "Provisioning: " + change.setting() + " changed");
      }));
    }
    drafts.sort(Comparator.comparing(Draft::time).thenComparing(Draft::key));
    List<ObjectNode> events = new ArrayList<>();
    for (Draft draft : drafts) {
      ObjectNode e = Json.object();
      // Stable per draft, increasing with time: the id is the event's place in time, from its millisecond stamp.
      e.put("id", draft.time().toEpochMilli() * 10 + Math.abs(draft.key().hashCode() % 10));
      e.put("created_at", Json.time(draft.time()));
      e.put("account_id", config.onelogin().accountId());
      e.putNull("user_id");
      e.putNull("user_name");
      e.putNull("app_id");
      e.putNull("app_name");
      e.putNull("actor_user_id");
      e.putNull("actor_user_name");
      e.putNull("actor_system");
      e.putNull("ipaddr");
      e.putNull("notes");
      e.putNull("error_description");
      e.putNull("custom_message");
      e.putNull("role_id");
      e.putNull("group_id");
      e.putNull("resolution");
      draft.fill().accept(e);
      events.add(e);
    }
    return events;
  }

  static ObjectNode typesBody() {
    ObjectNode body = Json.object();
    body.set("status", OneLoginHandler.status(false, 200, "success", "Success"));
    ArrayNode data = body.putArray("data");
    for (Type type : TYPES) {
      data.addObject().put("id", type.id()).put("name", type.name()).put("description", type.description());
    }
    return body;
  }

  private record Draft(Instant time, String key, java.util.function.Consumer<ObjectNode> fill) {}
}
