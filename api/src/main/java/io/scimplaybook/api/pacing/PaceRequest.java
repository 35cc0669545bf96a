package io.scimplaybook.api.pacing;

/**
 * One caller asking for a slot. The spacing travels with every request rather than only in the limiter's start input,
 * so a worker restarted with a new limit applies it at once instead of after the limiter's next continue-as-new.
 *
 * @param intervalMillis the emission interval: the least time between two slots once the burst is spent
 * @param burst how many slots may fall at the same instant after a quiet spell (1 = none)
 */
public record PaceRequest(long intervalMillis, int burst) {
  public PaceRequest {
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms, got " + intervalMillis);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
  }
}
