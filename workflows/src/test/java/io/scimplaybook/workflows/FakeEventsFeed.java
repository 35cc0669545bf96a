package io.scimplaybook.workflows;

import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A Cato eventsFeed in memory: an append-only list of failures, markers "m-N" meaning "after the first N", pages of
 * at most {@link #pageSize}. Records what the poller fetched and delivered, with the test server's clock.
 */
final class FakeEventsFeed implements EventsFeedActivities {
  static final String ACCOUNT = "12345";

  record Fetch(String marker, long atMillis) {}

  private final List<ScimFailureEvent> feed = new CopyOnWriteArrayList<>();
  final List<Fetch> fetches = new CopyOnWriteArrayList<>();
  final List<ScimFailureEvent> delivered = new CopyOnWriteArrayList<>();
  final List<PlaybookOptions> deliveredWith = new CopyOnWriteArrayList<>();
  /** Fetches to refuse for Cato's rate limit before answering again. */
  final AtomicInteger rateLimitedFetches = new AtomicInteger();
  /** The Retry-After a refusal carries (as the activity passes Cato's on); null when Cato named none. */
  volatile Duration retryAfter;
  volatile int pageSize = 100;
  /** What each fetch reports as refused by the event rules (the real activity's lines). */
  volatile List<String> refusedPerFetch = List.of();
  private final LongSupplier clock;

  FakeEventsFeed(LongSupplier clock) {
    this.clock = clock;
  }

  /** Appends {@code count} failures of source {@code source}, ids continuing the feed's numbering. */
  void append(int count, String source) {
    for (int i = 0; i < count; i++) {
      int n = feed.size() + 1;
      feed.add(new ScimFailureEvent(ACCOUNT, source, Instant.parse("2026-11-29T06:00:00Z").plusSeconds(n),
          "invalid credentials #" + n, null, ScimFailureEvent.ORIGIN_EVENTS_FEED, "ev-" + n));
    }
  }

  List<String> feedIds() {
    return feed.stream().map(ScimFailureEvent::eventId).toList();
  }

  List<String> deliveredIds() {
    return delivered.stream().map(ScimFailureEvent::eventId).toList();
  }

  @Override
  public FeedPage fetchFailures(String accountId, String marker) {
    fetches.add(new Fetch(marker, clock.getAsLong()));
    if (rateLimitedFetches.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
      throw ApplicationFailure.newBuilder()
          .setMessage("Cato eventsFeed: GraphQL error: rate limit exceeded for eventsFeed")
          .setType(FailureTypes.CATO_RATE_LIMITED).setNonRetryable(true).setNextRetryDelay(retryAfter).build();
    }
    int from = marker == null ? 0 : Integer.parseInt(marker.substring(2));
    List<ScimFailureEvent> snapshot = new ArrayList<>(feed);
    int to = Math.min(from + pageSize, snapshot.size());
    List<ScimFailureEvent> page = List.copyOf(snapshot.subList(from, to));
    return new FeedPage("m-" + to, page.size(), page, page.size() == pageSize, refusedPerFetch);
  }

  @Override
  public int deliver(List<ScimFailureEvent> events, PlaybookOptions playbook) {
    delivered.addAll(events);
    deliveredWith.add(playbook);
    return events.size();
  }
}
