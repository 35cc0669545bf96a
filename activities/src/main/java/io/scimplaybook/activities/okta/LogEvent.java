package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One System Log event, as much of it as the playbook reads. Every field may be absent.
 *
 * @param published null when absent or not a real time (Okta's own example prints {@code 2017-09-31})
 * @param result {@code outcome.result}: SUCCESS, FAILURE, SKIPPED, ALLOW, DENY, CHALLENGE, UNKNOWN
 * @param reason {@code outcome.reason}, Okta's words for a failure
 */
record LogEvent(
    String uuid, Instant published, String eventType, String displayMessage, String actor, String result, String reason,
    List<LogTarget> targets) {

  static LogEvent from(JsonNode node) {
    List<LogTarget> targets = new ArrayList<>();
    JsonNode target = JsonFields.field(node, "target");
    if (target.isArray()) {
      target.forEach(t -> targets.add(LogTarget.from(t)));
    }
    JsonNode actor = JsonFields.field(node, "actor");
    JsonNode outcome = JsonFields.field(node, "outcome");
    return new LogEvent(
        JsonFields.text(node, "uuid"),
        JsonFields.instant(node, "published"),
        JsonFields.text(node, "eventType"),
        JsonFields.text(node, "displayMessage"),
        actor.isObject() ? LogTarget.from(actor).readable() : null,
        JsonFields.text(outcome, "result"),
        JsonFields.text(outcome, "reason"),
        List.copyOf(targets));
  }

  boolean succeeded() {
    return "SUCCESS".equalsIgnoreCase(result) || "ALLOW".equalsIgnoreCase(result);
  }

  boolean failed() {
    return "FAILURE".equalsIgnoreCase(result) || "DENY".equalsIgnoreCase(result);
  }

  boolean targets(String id) {
    return id != null && targets.stream().anyMatch(t -> id.equals(t.id()));
  }

  /**
   * False only when the event names app instances and none is ours: the log is org-wide, and a push of the same user
   * to another app must not count as ours. An event naming no app instance is kept (the server filtered on our app).
   */
  boolean concernsApp(String appId) {
    List<LogTarget> apps = targets.stream().filter(t -> "AppInstance".equalsIgnoreCase(t.type())).toList();
    return apps.isEmpty() || apps.stream().anyMatch(t -> appId.equals(t.id()));
  }

  /** The user the event is about (AppUser or User target), readable; null when it names none. */
  String user() {
    return targets.stream()
        .filter(t -> t.type() != null && t.type().toLowerCase(Locale.ROOT).endsWith("user"))
        .map(LogTarget::readable)
        .findFirst()
        .orElse(null);
  }

  /** "2025-05-01T09:00:00Z application.provision.user.push_profile FAILURE for Jane (jane@x): reason". */
  String line() {
    StringBuilder out = new StringBuilder(published == null ? "(time unknown)" : published.toString());
    out.append(' ').append(eventType == null ? "(no event type)" : eventType);
    if (result != null) {
      out.append(' ').append(result);
    }
    String user = user();
    if (user != null) {
      out.append(" for ").append(user);
    }
    String why = JsonFields.firstNonBlank(reason, displayMessage);
    if (why != null) {
      out.append(": ").append(why);
    }
    return out.toString();
  }
}
