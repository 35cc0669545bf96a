package io.scimplaybook.activities.feed;

import io.scimplaybook.activities.cato.CatoEvent;
import io.scimplaybook.activities.cato.CatoFeedPage;
import io.scimplaybook.activities.cato.CatoFeedRecord;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The poller's two activities: Cato's eventsFeed in, signal-with-start of playbook runs out. */
public class EventsFeedActivitiesImpl implements EventsFeedActivities {

  /** Cato returns up to ~1000-3000 records a fetch; a page this full probably left more behind. */
  public static final int DEFAULT_FULL_PAGE = 1000;

  /** Signals in flight at once, shared by every poller this worker hosts; each is one short gRPC call. */
  static final int DELIVERY_THREADS = 8;

  private static final Logger log = LoggerFactory.getLogger(EventsFeedActivitiesImpl.class);

  private final CatoGraphqlClient cato;
  private final WorkflowClient temporal;
  private final int fullPage;
  private final ExecutorService senders;

  public EventsFeedActivitiesImpl(CatoGraphqlClient cato, WorkflowClient temporal) {
    this(cato, temporal, DEFAULT_FULL_PAGE);
  }

  /** @param fullPage a fetch returning at least this many records is followed soon by another */
  public EventsFeedActivitiesImpl(CatoGraphqlClient cato, WorkflowClient temporal, int fullPage) {
    if (fullPage < 1) {
      throw new IllegalArgumentException("fullPage must be at least 1, got " + fullPage);
    }
    this.cato = cato;
    this.temporal = temporal;
    this.fullPage = fullPage;
    AtomicInteger threads = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(DELIVERY_THREADS, task -> {
      Thread t = new Thread(task, "feed-delivery-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public FeedPage fetchFailures(String accountId, String marker) {
    CatoFeedPage page;
    try {
      page = cato.scimFailureFeed(accountId, marker);
    } catch (ApiCallException e) {
      if (e.kind() == ApiCallException.Kind.RATE_LIMITED) {
        // The workflow backs off on its own clock; retrying here would only spend more of the 100/min.
        throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.CATO_RATE_LIMITED);
      }
      throw ActivityFailures.from(e);
    }
    List<ScimFailureEvent> failures = new ArrayList<>();
    int unroutable = 0;
    for (CatoFeedRecord record : page.failed()) {
      CatoEvent e = record.event();
      if (!PlaybookIds.isValidId(e.sourceId())) {
        unroutable++;
        continue;
      }
      String reason = e.failureReason() != null ? e.failureReason()
          : e.eventMessage() != null ? e.eventMessage() : "SCIM provisioning failed (no reason given)";
      failures.add(new ScimFailureEvent(accountId, e.sourceId(), e.time(), reason, e.storyId(),
          ScimFailureEvent.ORIGIN_EVENTS_FEED, record.recordId()));
    }
    if (unroutable > 0) {
      log.warn("eventsFeed of account {}: {} failed SCIM record(s) name no usable source in {}; not delivered",
          accountId, unroutable, CatoGraphqlClient.SOURCE_ID_FIELD);
    }
    return new FeedPage(page.marker(), page.fetchedCount(), failures, page.fetchedCount() >= fullPage);
  }

  @Override
  public int deliver(List<ScimFailureEvent> events, PlaybookOptions playbook) {
    Map<String, List<ScimFailureEvent>> byRun = new LinkedHashMap<>();
    for (ScimFailureEvent event : events) {
      byRun.computeIfAbsent(PlaybookIds.workflowId(event.accountId(), event.sourceId()), id -> new ArrayList<>())
          .add(event);
    }
    // One run's events go in feed order; different runs go side by side. One by one, a full page of ~1000 records
    // took ~20 s on a loaded 2-core machine, each signal waiting on its own round trip.
    List<Future<?>> sent = new ArrayList<>();
    for (List<ScimFailureEvent> run : byRun.values()) {
      sent.add(senders.submit(() -> run.forEach(event -> deliverOne(event, playbook))));
    }
    RuntimeException failure = null;
    for (Future<?> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException("delivery failed", e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while delivering a page of events", e);
      }
    }
    if (failure != null) {
      // The poller keeps its marker and fetches the page again; the runs drop what already arrived by event id.
      throw failure;
    }
    return events.size();
  }

  private void deliverOne(ScimFailureEvent event, PlaybookOptions playbook) {
    // A run that closed meanwhile fails this attempt; the activity's retry starts a fresh one, and the run ignores
    // the repeats by event id.
    PlaybookDelivery.deliver(temporal, event, playbook);
  }
}
