package io.scimplaybook.activities.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One entry of OneLogin's {@code GET /api/1/events}, with the fields the playbook reads. Every field is optional in
 * OneLogin's published Event model, so each may be null; ids are kept as text because OneLogin documents them as
 * integers and the playbook only compares and shows them.
 *
 * @param time {@code created_at}; null when absent or not ISO-8601
 * @param appName {@code app_name} (the Event model) or {@code app-name} (the Event Resource page spells it so)
 * @param errorDescription "provisioning error details, if applicable"
 */
public record OneLoginEvent(
    String id,
    Instant time,
    Long eventTypeId,
    String userId,
    String userName,
    String appId,
    String appName,
    String actorUserId,
    String actorUserName,
    String actorSystem,
    String roleName,
    String notes,
    String customMessage,
    String errorDescription) {

  static OneLoginEvent from(JsonNode node) {
    JsonNode type = node.path("event_type_id");
    Long typeId = type.canConvertToLong() ? Long.valueOf(type.asLong()) : parseLong(text(node, "event_type_id"));
    return new OneLoginEvent(
        text(node, "id"),
        time(text(node, "created_at")),
        typeId,
        text(node, "user_id"),
        text(node, "user_name"),
        text(node, "app_id"),
        firstNonBlank(text(node, "app_name"), text(node, "app-name")),
        text(node, "actor_user_id"),
        text(node, "actor_user_name"),
        text(node, "actor_system"),
        firstNonBlank(text(node, "role_name"), text(node, "role-name")),
        text(node, "notes"),
        text(node, "custom_message"),
        text(node, "error_description"));
  }

  /** Who did it, for people: the acting user's name, else the acting system, else the acting user's id. */
  public String actor() {
    String actor = firstNonBlank(actorUserName, actorSystem);
    if (actor == null && actorUserId != null) {
      actor = "user " + actorUserId;
    }
    return actor;
  }

  /** Whom it was about, for people: "jane@example.com (4711)". */
  public String subject() {
    if (userName == null && userId == null) {
      return null;
    }
    if (userName == null) {
      return "user " + userId;
    }
    return userId == null ? userName : userName + " (" + userId + ")";
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text == null || text.isBlank() ? null : text.strip();
  }

  static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static Long parseLong(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notIso) {
      return null;
    }
  }
}
