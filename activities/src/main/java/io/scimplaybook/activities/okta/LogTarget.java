package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code target[]} entry of a System Log event: the app instance, the app user or user the event is about.
 *
 * @param changeDetails the documented {@code {from, to}} of a configuration change, or null
 */
record LogTarget(String id, String type, String alternateId, String displayName, JsonNode changeDetails) {

  static LogTarget from(JsonNode node) {
    JsonNode details = JsonFields.field(node, "changeDetails");
    return new LogTarget(
        JsonFields.text(node, "id"),
        JsonFields.text(node, "type"),
        JsonFields.text(node, "alternateId"),
        JsonFields.text(node, "displayName"),
        details.isObject() ? details : null);
  }

  /** What a person reads: "Jane Doe (jane@example.com)", falling back to whatever the event gave. */
  String readable() {
    String name = JsonFields.firstNonBlank(displayName, alternateId, id);
    if (name == null) {
      return type == null ? "(unnamed)" : type;
    }
    if (alternateId != null && displayName != null && !alternateId.equals(displayName) && !"unknown".equals(alternateId)) {
      return displayName + " (" + alternateId + ")";
    }
    return name;
  }
}
