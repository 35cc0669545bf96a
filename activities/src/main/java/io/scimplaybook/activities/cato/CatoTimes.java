package io.scimplaybook.activities.cato;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the times Cato returns. The schema's DateTime is RFC 3339, but an event's {@code fieldsMap.time} is documented
 * as a Linux epoch and {@code time_str} as "human-readable", so every shape seen is accepted.
 */
final class CatoTimes {
  private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
  // Epoch values above this are milliseconds: in seconds it would be the year 5138.
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private CatoTimes() {}

  /** The instant a JSON value names, or null when it is absent or in no known shape. */
  static Instant parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return fromEpoch(node.asLong());
    }
    return parse(node.asText());
  }

  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    if (t.chars().allMatch(Character::isDigit)) {
      return fromEpoch(Long.parseLong(t));
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notOffset) {
      // fall through to the next shape
    }
    try {
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // fall through to the next shape
    }
    try {
      return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException unknown) {
      return null;
    }
  }

  private static Instant fromEpoch(long value) {
    return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
  }
}
