package io.scimplaybook.activities.okta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Tolerant reads of Okta payloads. Okta's published examples leave fields out, set them to null and add ones the
 * schema does not name (and one prints the impossible date {@code 2017-09-31}), so every read falls back to null
 * instead of failing a whole page on one field.
 */
final class OktaFields {
  private OktaFields() {}

  static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? MissingNode.getInstance() : value;
  }

  /** The field as text when it is a non-blank scalar; null otherwise. */
  static String text(JsonNode node, String name) {
    JsonNode value = field(node, name);
    return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** An ISO-8601 time; null when absent or not a real instant. */
  static Instant instant(JsonNode node, String name) {
    String value = text(node, name);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
