package io.scimplaybook.activities.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.scimplaybook.activities.http.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Tolerant reads of Graph payloads. Microsoft's own examples disagree on names and casing ({@code Type}/{@code type},
 * {@code initiatingType}/{@code initiatorType}) and sometimes nest JSON inside strings, so every read falls back
 * instead of failing the activity on a shape it has not seen.
 */
final class Nodes {
  private Nodes() {}

  /** The first of the named fields that is present and not null, matching exactly first and then ignoring case. */
  static JsonNode field(JsonNode node, String... names) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    for (String name : names) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isNull()) {
          return entry.getValue();
        }
      }
    }
    return MissingNode.getInstance();
  }

  /** The first named field holding a non-blank scalar, as text; null when none does. */
  static String text(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = field(node, name);
      if (value.isValueNode() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  static Instant instant(JsonNode node, String... names) {
    String value = text(node, names);
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

  /** A node that may be JSON serialized into a string (provisionOnDemand's {@code key} and {@code value}). */
  static JsonNode embedded(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return MissingNode.getInstance();
    }
    if (!node.isTextual()) {
      return node;
    }
    try {
      JsonNode parsed = Json.mapper().readTree(node.asText());
      return parsed == null ? MissingNode.getInstance() : parsed;
    } catch (JsonProcessingException notJson) {
      return MissingNode.getInstance();
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
