package io.scimplaybook.activities.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One OAuth access token, fetched by a vendor's own token request and cached until its refresh time. One lock
 * serialises fetches, so parallel activities that find the cache empty wait for one token request instead of each
 * sending their own. The vendor classes keep their request, answer parsing and error mapping; only the caching is
 * shared.
 */
public final class AccessTokenCache {
  private final Supplier<Token> fetch;
  private final Clock clock;
  private final Object lock = new Object();
  private Token cached; // guarded by lock

  /** A fetched token and when to fetch the next one; {@code refreshAt} at or before now means use once. */
  public record Token(String value, Instant refreshAt) {
    public Token {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(refreshAt, "refreshAt");
    }

    /**
     * Refreshed {@code margin} before it expires, or halfway through a lifetime shorter than twice the margin, so a
     * token never runs out between being handed out and reaching the API. Counted from when it was asked for, not
     * when the answer came: the token's lifetime started at the server meanwhile. A lifetime of 0 is used once.
     */
    public static Token expiringIn(String value, Instant requestedAt, long expiresInSeconds, Duration margin) {
      Duration half = Duration.ofSeconds(expiresInSeconds / 2);
      Duration early = margin.compareTo(half) < 0 ? margin : half;
      return new Token(value, requestedAt.plusSeconds(expiresInSeconds).minus(early));
    }

    @Override
    public String toString() {
      return "Token[value=<hidden>, refreshAt=" + refreshAt + "]";
    }
  }

  /** A token and whether it was fetched for this caller: a 401 on a fresh token is final, on a cached one it is not. */
  public record Lease(String token, boolean fresh) {
    @Override
    public String toString() {
      return "Lease[token=<hidden>, fresh=" + fresh + "]";
    }
  }

  /** @param fetch the vendor's token request; its exceptions reach the caller of {@link #lease()} unchanged */
  public AccessTokenCache(Supplier<Token> fetch, Clock clock) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Lease lease() {
    synchronized (lock) {
      if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
        return new Lease(cached.value(), false);
      }
      cached = fetch.get();
      return new Lease(cached.value(), true);
    }
  }

  /** Forgets a token the API refused; a token another thread fetched meanwhile stays. */
  public void invalidate(String token) {
    synchronized (lock) {
      if (cached != null && cached.value().equals(token)) {
        cached = null;
      }
    }
  }

  @Override
  public String toString() {
    return "AccessTokenCache[cached=" + (cached != null) + "]";
  }
}
