package io.scimplaybook.api.pacing;

import java.time.Duration;

/**
 * A documented limit ("120 requests a minute") turned into the spacing that keeps every window of that length within
 * it, measured where the vendor counts: at its door, after network jitter and clock skew between workers.
 *
 * <p>With interval T and burst b, a window of length W holds fewer than b + W / T slots; requests arrive up to
 * {@code margin} later than their slot, so a vendor window of length W covers slots in W + margin. Choosing
 * T = (period + margin) / (requests - burst + 1) keeps the count at most {@code requests}.
 */
public final class PaceLimits {
  private PaceLimits() {}

  public static PaceRequest request(int requests, Duration period, int burst, Duration margin) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, got " + requests);
    }
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
    if (burst < 1 || burst > requests) {
      throw new IllegalArgumentException("burst must be between 1 and " + requests + ", got " + burst);
    }
    long marginMillis = margin == null || margin.isNegative() ? 0 : margin.toMillis();
    long span = period.toMillis() + marginMillis;
    long slots = requests - burst + 1L;
    // Rounded up: a millisecond early per slot adds up to one request too many over a long window.
    return new PaceRequest(Math.max(1, (span + slots - 1) / slots), burst);
  }
}
