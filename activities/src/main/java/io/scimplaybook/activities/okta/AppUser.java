package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.Json;
import java.time.Instant;

/**
 * An app user ({@code /api/v1/apps/{appId}/users/{userId}}): what pushing it needs and what the push left behind.
 *
 * @param syncState DISABLED, OUT_OF_SYNC, SYNCING, SYNCHRONIZED or ERROR; null when the app does not provision
 * @param profile the app user's profile as Okta holds it, sent back unchanged to push it again
 */
record AppUser(String id, String status, String syncState, Instant lastSync, ObjectNode profile) {

  static AppUser from(JsonNode node) {
    JsonNode profile = JsonFields.field(node, "profile");
    return new AppUser(
        JsonFields.text(node, "id"),
        JsonFields.text(node, "status"),
        JsonFields.text(node, "syncState"),
        JsonFields.instant(node, "lastSync"),
        profile.isObject() ? ((ObjectNode) profile).deepCopy() : Json.mapper().createObjectNode());
  }

  /** Synchronized by a sync at or after {@code since}; a state without a time could be the one before our push. */
  boolean synchronizedSince(Instant since) {
    return "SYNCHRONIZED".equalsIgnoreCase(syncState) && lastSync != null && !lastSync.isBefore(since);
  }

  boolean inError() {
    return "ERROR".equalsIgnoreCase(syncState);
  }

  String describe() {
    return "syncState " + (syncState == null ? "(none)" : syncState)
        + (lastSync == null ? "" : ", lastSync " + lastSync);
  }
}
