package io.scimplaybook.activities.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;

/** RFC 7644 §3.12 error body: {@code schemas}, {@code status} (a string), {@code scimType}, {@code detail}. */
record ScimError(String status, String scimType, String detail) {

  static ScimError parse(String body) {
    try {
      JsonNode node = Json.mapper().readTree(body);
      if (node != null && node.isObject()) {
        return new ScimError(text(node, "status"), text(node, "scimType"), text(node, "detail"));
      }
    } catch (IOException | RuntimeException notJson) {
      // a gateway page instead of a SCIM error: the status code has to speak for itself
    }
    return new ScimError(null, null, null);
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
  }
}
