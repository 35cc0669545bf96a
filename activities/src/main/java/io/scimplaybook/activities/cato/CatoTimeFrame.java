package io.scimplaybook.activities.cato;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Builds Cato's {@code TimeFrame} strings. The schema documents an absolute window as {@code utc.} followed by the
 * common prefix of both ends and the differing rest in braces:
 *
 * <ul>
 *   <li>same day: {@code utc.2020-02-11/{04:50:15--16:50:15}}
 *   <li>same month: {@code utc.2020-02-{11/04:50:00--21/04:50:00}}
 *   <li>same year: {@code utc.2020-{02-11/04:50:00--04-11/04:50:00}}
 *   <li>otherwise: {@code utc.{2019-10-01/04:50:00--2020-02-01/04:50:00}}
 * </ul>
 *
 * Only these four shapes are documented, so nothing else is produced.
 */
public final class CatoTimeFrame {
  private CatoTimeFrame() {}

  /** {@code last.<ISO-8601 duration>}, e.g. {@code last.PT2H}. */
  public static String last(Duration duration) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("a time frame needs a positive duration");
    }
    return "last." + duration;
  }

  /**
   * The UTC window from {@code from} to {@code to}. The API takes whole seconds: the start is rounded down and the end
   * up, so an event at either edge stays inside.
   */
  public static String between(Instant from, Instant to) {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a time frame needs both ends");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a time frame cannot end before it starts");
    }
    LocalDateTime start = LocalDateTime.ofInstant(from.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    Instant roundedTo = to.truncatedTo(ChronoUnit.SECONDS);
    if (roundedTo.isBefore(to)) {
      roundedTo = roundedTo.plusSeconds(1);
    }
    LocalDateTime end = LocalDateTime.ofInstant(roundedTo, ZoneOffset.UTC);

    String startTime = clock(start);
    String endTime = clock(end);
    if (start.getYear() != end.getYear()) {
      return "utc.{" + date(start) + "/" + startTime + "--" + date(end) + "/" + endTime + "}";
    }
    String year = String.format("%04d", start.getYear());
    if (start.getMonthValue() != end.getMonthValue()) {
      return "utc." + year + "-{" + monthDay(start) + "/" + startTime + "--" + monthDay(end) + "/" + endTime + "}";
    }
    String month = String.format("%02d", start.getMonthValue());
    if (start.getDayOfMonth() != end.getDayOfMonth()) {
      return "utc." + year + "-" + month + "-{" + day(start) + "/" + startTime + "--" + day(end) + "/" + endTime + "}";
    }
    return "utc." + year + "-" + month + "-" + day(start) + "/{" + startTime + "--" + endTime + "}";
  }

  private static String date(LocalDateTime t) {
    return String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
  }

  private static String monthDay(LocalDateTime t) {
    return String.format("%02d-%02d", t.getMonthValue(), t.getDayOfMonth());
  }

  private static String day(LocalDateTime t) {
    return String.format("%02d", t.getDayOfMonth());
  }

  private static String clock(LocalDateTime t) {
    return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
  }
}
