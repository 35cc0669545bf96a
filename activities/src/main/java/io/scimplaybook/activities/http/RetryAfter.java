package io.scimplaybook.activities.http;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header. Microsoft Graph sends whole or fractional seconds ("10", "2.128"); RFC 9110
 * also allows an HTTP date. Anything unreadable gives null, so Temporal falls back to its own exponential backoff
 * instead of failing on a header we could not understand.
 */
public final class RetryAfter {
  private RetryAfter() {}

  public static Duration parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      BigDecimal seconds = new BigDecimal(value);
      if (seconds.signum() < 0) {
        return null;
      }
      // Rounded up: retrying a few milliseconds early would earn another 429.
      return Duration.ofMillis(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    } catch (NumberFormatException | ArithmeticException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
