package io.scimplaybook.api.fleet;

import java.time.Duration;

/**
 * How fleet correlation behaves, from the worker's {@code scim-playbook.fleet.*}. It travels with every sighting (the
 * fleet workflow applies the latest one, so a changed configuration takes effect at the next sighting) and back to
 * each run in its verdict, because workflow code reads no configuration.
 *
 * @param enabled off: runs report nothing and never hold
 * @param threshold distinct sources failing with the same reason within {@code window} at which an incident is declared
 * @param window how far back sightings count towards the threshold
 * @param quietPeriod an incident clears once no source has reported its reason for this long; longer than Entra's
 *     40-minute provisioning cycle, so a source still failing reports again before it clears
 * @param maxHold the longest a run holds before it asks people anyway
 * @param hold off: incidents are still declared and shown, but runs go on asking people
 * @param historyLimit history events after which the fleet workflow continues as new, carrying its state
 */
public record FleetSettings(
    boolean enabled, int threshold, Duration window, Duration quietPeriod, Duration maxHold, boolean hold,
    int historyLimit) {

  public static final int DEFAULT_THRESHOLD = 5;
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMinutes(45);
  public static final Duration DEFAULT_MAX_HOLD = Duration.ofHours(4);
  public static final int DEFAULT_HISTORY_LIMIT = 2_000;

  public FleetSettings {
    if (threshold < 2) {
      throw new IllegalArgumentException("fleet threshold must be at least 2 sources, got " + threshold);
    }
    requirePositive("window", window);
    requirePositive("quiet-period", quietPeriod);
    requirePositive("max-hold", maxHold);
    if (historyLimit < 100) {
      throw new IllegalArgumentException("fleet history-limit must be at least 100 events, got " + historyLimit);
    }
  }

  public static FleetSettings defaults() {
    return new FleetSettings(true, DEFAULT_THRESHOLD, DEFAULT_WINDOW, DEFAULT_QUIET_PERIOD, DEFAULT_MAX_HOLD, true,
        DEFAULT_HISTORY_LIMIT);
  }

  /** Runs hold only when correlation is on and the hold too. */
  public boolean holds() {
    return enabled && hold;
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("fleet " + name + " must be a positive duration, got " + d);
    }
  }
}
