package io.scimplaybook.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A closed time range, parsed from Cato's {@code TimeFrame} strings: {@code last.<ISO-8601 duration>} (e.g.
 * {@code last.PT2H}, {@code last.P14D}, {@code last.P1M}) and {@code utc.<date>/{<from>--<to>}}, where the braces may
 * start anywhere in the date-time ({@code utc.2020-02-11/{04:50:15--16:50:15}}, {@code
 * utc.2020-02-{11/04:50:15--12/16:50:15}}).
 */
record TimeWindow(Instant from, Instant to) {
  private static final DateTimeFormatter UTC_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd/HH:mm:ss");

  static TimeWindow all() {
    return new TimeWindow(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));
  }

  boolean contains(Instant t) {
    return !t.isBefore(from) && !t.isAfter(to);
  }

  /** Empty when the string is in no format the sandbox knows; callers then answer with a GraphQL error. */
  static Optional<TimeWindow> parseTimeFrame(String timeFrame, Instant now) {
    if (timeFrame == null) {
      return Optional.empty();
    }
    String tf = timeFrame.trim();
    try {
      if (tf.startsWith("last.")) {
        return Optional.of(new TimeWindow(minus(now, tf.substring(5)), now));
      }
      if (tf.startsWith("utc.")) {
        String spec = tf.substring(4);
        int open = spec.indexOf('{');
        int close = spec.lastIndexOf('}');
        int dash = spec.indexOf("--");
        if (open < 0 || close < open || dash < open || dash > close) {
          return Optional.empty();
        }
        String prefix = spec.substring(0, open);
        Instant from = LocalDateTime.parse(prefix + spec.substring(open + 1, dash), UTC_FORMAT)
            .toInstant(ZoneOffset.UTC);
        Instant to = LocalDateTime.parse(prefix + spec.substring(dash + 2, close), UTC_FORMAT)
            .toInstant(ZoneOffset.UTC);
        return to.isBefore(from) ? Optional.empty() : Optional.of(new TimeWindow(from, to));
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Durations with months or years (P1M) are not Durations in Java; take them off the calendar instead. */
  private static Instant minus(Instant now, String iso) {
    try {
      return now.minus(Duration.parse(iso));
    } catch (DateTimeParseException e) {
      return now.atZone(ZoneOffset.UTC).minus(Period.parse(iso)).toInstant();
    }
  }
}
