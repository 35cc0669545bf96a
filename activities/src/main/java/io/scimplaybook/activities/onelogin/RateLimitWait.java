package io.scimplaybook.activities.onelogin;

import io.scimplaybook.activities.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long OneLogin asks us to wait after a 429. {@code Retry-After} when sent; else {@code X-RateLimit-Reset}, which
 * OneLogin documents (Get Rate Limit) as "the remaining time in seconds before the rate limit is reset". A value that
 * can only be an epoch timestamp (other vendors send that in the same header) is read as one rather than as a wait of
 * decades. Nothing readable gives null, so the retry policy's own backoff decides.
 */
final class RateLimitWait {
  /** Anything above this is not a count of seconds to wait but a point in time (2001-09-09 and later). */
  private static final long EPOCH_THRESHOLD = 1_000_000_000L;

  private RateLimitWait() {}

  static Duration parse(String retryAfter, String rateLimitReset, Clock clock) {
    Duration wait = RetryAfter.parse(retryAfter, clock);
    if (wait != null) {
      return wait;
    }
    if (rateLimitReset == null || rateLimitReset.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(rateLimitReset.strip());
      if (value < 0) {
        return null;
      }
      if (value >= EPOCH_THRESHOLD) {
        Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(value));
        return untilReset.isNegative() ? Duration.ZERO : untilReset;
      }
      return Duration.ofSeconds(value);
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }
}
