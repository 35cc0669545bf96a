package io.scimplaybook.api.input;

import java.time.Duration;
import java.time.Instant;

/**
 * The range of times a failure event may carry, checked at every door (webhook, poller) and again by the run, whatever
 * sent it. Cato keeps events for 7 days, so a real event is never years old; a clock a little ahead is tolerated.
 * The bounds are wide on purpose: they exist to refuse values no sender means (a year of -1,000,000,000 once made
 * every workflow task of a run fail and wedged it), not to judge how late a delivery is.
 */
public final class EventTimes {

  /** How far ahead of the receiver's clock an event may be. */
  public static final Duration MAX_AHEAD = Duration.ofDays(1);
  /** How old an event may be. */
  public static final Duration MAX_AGE = Duration.ofDays(3653);

  private EventTimes() {}

  /** @return null when {@code time} is acceptable at {@code now}, else why not (naming the range) */
  public static String problem(Instant time, Instant now) {
    if (time == null) {
      return null;
    }
    if (time.isAfter(now.plus(MAX_AHEAD))) {
      return "time " + time + " is more than a day ahead of " + now;
    }
    if (time.isBefore(now.minus(MAX_AGE))) {
      return "time " + time + " is more than ten years before " + now;
    }
    return null;
  }
}
