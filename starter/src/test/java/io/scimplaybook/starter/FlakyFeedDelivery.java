package io.scimplaybook.starter;

import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real poller activities, with deliveries that break half-way through a page the way a worker crash or a Temporal
 * hiccup would: the first half of the page reaches its runs, then the call fails. Retried by the activity's retry
 * policy (a retryable failure) or by the poller fetching the page again (a non-retryable one), the first half arrives
 * twice, and the runs must count it once.
 */
final class FlakyFeedDelivery implements EventsFeedActivities {

  /** Break the {@code call}-th delivery of {@code account} (1-based) once, retryable or not. */
  record Fault(String account, int call, boolean retryable) {}

  private final EventsFeedActivities real;
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger repeatedSignals = new AtomicInteger();
  private final AtomicInteger signals = new AtomicInteger();

  FlakyFeedDelivery(EventsFeedActivities real, List<Fault> faults) {
    this.real = real;
    faults.forEach(f -> this.faults.put(f.account() + "#" + f.call(), f));
  }

  @Override
  public FeedPage fetchFailures(String accountId, String marker) {
    return real.fetchFailures(accountId, marker);
  }

  @Override
  public int deliver(List<ScimFailureEvent> events, PlaybookOptions playbook) {
    String account = events.get(0).accountId();
    int call = calls.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
    Fault fault = faults.remove(account + "#" + call);
    if (fault != null) {
      int half = events.size() / 2;
      signals.addAndGet(real.deliver(events.subList(0, half), playbook));
      // These will be delivered again by the retry.
      repeatedSignals.addAndGet(half);
      String message = "delivery of account " + account + " broke after " + half + " of " + events.size() + " events";
      throw fault.retryable() ? new IllegalStateException(message)
          : ApplicationFailure.newNonRetryableFailure(message, "TestBrokenDelivery");
    }
    int delivered = real.deliver(events, playbook);
    signals.addAndGet(delivered);
    return delivered;
  }

  /** Signals the feed path sent in all, repeats included. */
  int signals() {
    return signals.get();
  }

  /** Signals sent for events that were delivered again afterwards. */
  int repeatedSignals() {
    return repeatedSignals.get();
  }

  /** Faults planned that never fired (a page that was never delivered, or a plan that missed). */
  int faultsNotFired() {
    return faults.size();
  }
}
