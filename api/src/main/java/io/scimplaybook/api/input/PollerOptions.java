package io.scimplaybook.api.input;

import java.time.Duration;

/**
 * How an events-feed poller paces itself. Travels in the poller's input, so a running poller keeps its settings
 * across continue-as-new.
 *
 * @param pollInterval the wait after a fetch that emptied the feed
 * @param minSpacing the least time between two fetches, also when the feed says more is waiting: Cato allows 100
 *     eventsFeed calls a minute per account, shared by every key, so 0.6 s is the floor and the default leaves room
 * @param backoffBase the first wait after Cato refuses a fetch for its rate limit; it doubles with each refusal in a row
 * @param backoffMax the longest such wait
 * @param pollsBeforeContinueAsNew the poller continues as new after this many fetches, before its history grows large
 */
public record PollerOptions(
    Duration pollInterval,
    Duration minSpacing,
    Duration backoffBase,
    Duration backoffMax,
    int pollsBeforeContinueAsNew) {

  public static PollerOptions defaults() {
    return new PollerOptions(
        Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(5), 200);
  }

  public PollerOptions withPollInterval(Duration interval) {
    return new PollerOptions(interval, minSpacing, backoffBase, backoffMax, pollsBeforeContinueAsNew);
  }

  /**
   * Why the options cannot work, or null when they can. Checked by whoever starts a poller, so a bad setting is a
   * clear error there rather than a poller that spins or never polls.
   */
  public String problem() {
    if (!positive(pollInterval)) return "poll interval must be a positive duration, got " + pollInterval;
    if (!positive(minSpacing)) return "min spacing must be a positive duration, got " + minSpacing;
    if (!positive(backoffBase)) return "back-off base must be a positive duration, got " + backoffBase;
    if (!positive(backoffMax) || backoffMax.compareTo(backoffBase) < 0) {
      return "back-off max must be at least the back-off base (" + backoffBase + "), got " + backoffMax;
    }
    if (pollInterval.compareTo(minSpacing) < 0) {
      return "poll interval (" + pollInterval + ") must not be shorter than the min spacing (" + minSpacing + ")";
    }
    if (pollsBeforeContinueAsNew < 1) {
      return "polls before continue-as-new must be at least 1, got " + pollsBeforeContinueAsNew;
    }
    return null;
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isZero() && !d.isNegative();
  }
}
