package io.scimplaybook.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;

/**
 * Okta's per-minute rate limit as its headers tell it ({@code X-Rate-Limit-Limit}, {@code -Remaining}, {@code -Reset}
 * in epoch seconds), counted over every Okta API call in the current wall-clock minute. The sandbox never refuses on
 * its own count: 429s come from {@code POST /sandbox/idp/throttle}, so a test chooses when a client meets one.
 */
final class OktaRateLimit {
  static final int LIMIT = 600;

  private final Clock clock;
  private long minute = -1;
  private int used;

  OktaRateLimit(Clock clock) {
    this.clock = clock;
  }

  /** Counts this call and sets the headers; {@code exhausted} answers as the call that met the limit. */
  synchronized void apply(HttpExchange exchange, boolean exhausted) {
    long now = clock.millis() / 1000;
    long thisMinute = now / 60;
    if (thisMinute != minute) {
      minute = thisMinute;
      used = 0;
    }
    used++;
    int remaining = exhausted ? 0 : Math.max(0, LIMIT - used);
    exchange.getResponseHeaders().set("X-Rate-Limit-Limit", String.valueOf(LIMIT));
    exchange.getResponseHeaders().set("X-Rate-Limit-Remaining", String.valueOf(remaining));
    exchange.getResponseHeaders().set("X-Rate-Limit-Reset", String.valueOf((thisMinute + 1) * 60));
  }
}
