package io.scimplaybook.starter.webhook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The signatures accepted within the replay window, so that a captured signed request is refused when it is sent
 * again while its timestamp is still fresh. Entries leave when their timestamp falls out of the window; the bound
 * keeps a flood of valid signatures from growing the starter's memory: past it the oldest are forgotten first (and
 * the README says so).
 */
final class RecentSignatures {

  private record Seen(String signature, long epochSecond) {}

  private final long windowSeconds;
  private final int capacity;
  private final Deque<Seen> order = new ArrayDeque<>();
  private final Set<String> signatures = new HashSet<>();

  RecentSignatures(long windowSeconds, int capacity) {
    this.windowSeconds = windowSeconds;
    this.capacity = capacity;
  }

  /** @return false when {@code signature} was already accepted within the window */
  synchronized boolean firstSighting(String signature, long timestampSeconds, long nowSeconds) {
    forgetOlderThan(nowSeconds - windowSeconds);
    if (signatures.contains(signature)) {
      return false;
    }
    // Arrival order, not timestamp order: eviction by age then looks at the head only, which is good enough because
    // every kept timestamp is within the window of the time it arrived.
    order.addLast(new Seen(signature, Math.max(timestampSeconds, nowSeconds)));
    signatures.add(signature);
    while (order.size() > capacity) {
      signatures.remove(order.removeFirst().signature());
    }
    return true;
  }

  synchronized int size() {
    return order.size();
  }

  private void forgetOlderThan(long oldestKept) {
    while (!order.isEmpty() && order.peekFirst().epochSecond() < oldestKept) {
      signatures.remove(order.removeFirst().signature());
    }
  }
}
