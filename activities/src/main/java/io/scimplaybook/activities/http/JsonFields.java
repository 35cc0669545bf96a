package io.scimplaybook.activities.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * Tolerant reads of vendor payloads. The vendors' own examples leave fields out, set them to null, disagree on names
 * and casing and print impossible dates, so every read falls back to null instead of failing a whole answer on one field.
 */
public final class JsonFields {
  private JsonFields() {}

  /** The first of the named fields that is present and not null, matching exactly first and then ignoring case. */
  public static JsonNode field(JsonNode node, String... names) {
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
  public static String text(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = field(node, name);
      if (value.isValueNode() && !value.asText().isBlank()) {
        return value.asText();
      }
    }
    return null;
  }

  public static Instant instant(JsonNode node, String... names) {
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

  public static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
