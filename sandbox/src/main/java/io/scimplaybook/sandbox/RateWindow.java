package io.scimplaybook.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One documented vendor limit, "at most {@code limit} calls per {@code window}" for each key (a Cato account and query,
 * an Entra tenant), kept as a sliding window: a call is admitted when fewer than {@code limit} calls of its key were
 * admitted in the last {@code window}. Refused calls do not use up the window (the vendor did not serve them) but are
 * counted, per key: the fleet benchmark reports them as over-limit answers.
 */
public final class RateWindow {
  private final String name;
  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> admitted = new HashMap<>();
  private final Map<String, Long> admittedCount = new TreeMap<>();
  private final Map<String, Long> refusedCount = new TreeMap<>();

  public RateWindow(String name, int limit, Duration window, Clock clock) {
    if (limit < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(name + ": the limit must be at least 1 call in a positive window, got "
          + limit + " per " + window);
    }
    this.name = name;
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Admits the call, or refuses it with how long until this key's window has room again (what a vendor's
   * {@code Retry-After} says).
   */
  public synchronized Optional<Duration> acquire(String key) {
    Instant now = clock.instant();
    ArrayDeque<Instant> calls = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!calls.isEmpty() && !calls.peekFirst().plus(window).isAfter(now)) {
      calls.pollFirst();
    }
    if (calls.size() < limit) {
      calls.addLast(now);
      admittedCount.merge(key, 1L, Long::sum);
      return Optional.empty();
    }
    refusedCount.merge(key, 1L, Long::sum);
    return Optional.of(Duration.between(now, calls.peekFirst().plus(window)));
  }

  public String name() {
    return name;
  }

  public int limit() {
    return limit;
  }

  public Duration window() {
    return window;
  }

  public synchronized long admitted() {
    return admittedCount.values().stream().mapToLong(Long::longValue).sum();
  }

  public synchronized long refused() {
    return refusedCount.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Refused calls by key, for keys with at least one. */
  public synchronized Map<String, Long> refusedByKey() {
    return Map.copyOf(refusedCount);
  }

  /** Admitted calls by key. */
  public synchronized Map<String, Long> admittedByKey() {
    return Map.copyOf(admittedCount);
  }

  @Override
  public String toString() {
    return name + " (" + limit + " per " + window + ")";
  }
}
