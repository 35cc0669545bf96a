package io.scimplaybook.api.pacing;

/**
 * One caller asking for a slot. The spacing travels with every request rather than only in the limiter's start input,
 * so a worker restarted with a new limit applies it at once instead of after the limiter's next continue-as-new.
 *
 * @param intervalMillis the emission interval: the least time between two slots once the burst is spent
 * @param burst how many slots may fall at the same instant after a quiet spell (1 = none)
 * @param askedAtMillis the caller's clock when it asked (epoch ms), 0 when unknown. The limiter's clock is its workflow
 *     task's start, which lags the callers' by the task's queueing and processing (hundreds of ms on a cold start);
 *     a slot computed from it alone can lie in the callers' past, and several callers would then go at once
 */
public record PaceRequest(long intervalMillis, int burst, long askedAtMillis) {
  public PaceRequest {
    if (intervalMillis < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms, got " + intervalMillis);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
  }

  public PaceRequest(long intervalMillis, int burst) {
    this(intervalMillis, burst, 0);
  }

  /** The same spacing, asked at {@code millis} on the caller's clock. */
  public PaceRequest askedAt(long millis) {
    return new PaceRequest(intervalMillis, burst, millis);
  }
}
