package io.scimplaybook.activities.feed;

import io.scimplaybook.activities.cato.CatoEvent;
import io.scimplaybook.activities.cato.CatoFeedPage;
import io.scimplaybook.activities.cato.CatoFeedRecord;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.source.AttributedDelivery;
import io.scimplaybook.activities.source.SourceAttribution;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import io.scimplaybook.api.input.EventCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's two activities: Cato's eventsFeed in, signal-with-start of playbook runs out. A record that names no
 * usable source is kept with its hints and attributed at delivery ({@link AttributedDelivery}), never dropped.
 */
public class EventsFeedActivitiesImpl implements EventsFeedActivities {

  private static final Logger log = LoggerFactory.getLogger(EventsFeedActivitiesImpl.class);

  /** Cato returns up to ~1000-3000 records a fetch; a page this full probably left more behind. */
  public static final int DEFAULT_FULL_PAGE = 1000;

  private final CatoGraphqlClient cato;
  private final AttributedDelivery delivery;
  private final int fullPage;

  /** A poller for a worker without configured sources: events that name none go to the "unconfigured" run. */
  public EventsFeedActivitiesImpl(CatoGraphqlClient cato, WorkflowClient temporal) {
    this(cato, temporal, DEFAULT_FULL_PAGE);
  }

  public EventsFeedActivitiesImpl(CatoGraphqlClient cato, WorkflowClient temporal, int fullPage) {
    this(cato, new AttributedDelivery(new SourceAttribution(List.of()), temporal), fullPage);
  }

  /** @param fullPage a fetch returning at least this many records is followed soon by another */
  public EventsFeedActivitiesImpl(CatoGraphqlClient cato, AttributedDelivery delivery, int fullPage) {
    if (fullPage < 1) {
      throw new IllegalArgumentException("fullPage must be at least 1, got " + fullPage);
    }
    this.cato = cato;
    this.delivery = delivery;
    this.fullPage = fullPage;
  }

  @Override
  public FeedPage fetchFailures(String accountId, String marker) {
    CatoFeedPage page;
    try {
      page = cato.scimFailureFeed(accountId, marker);
    } catch (ApiCallException e) {
      if (e.kind() == ApiCallException.Kind.RATE_LIMITED) {
        // The workflow backs off on its own clock; retrying here would only spend more of the 100/min. Cato's
        // Retry-After travels as the next retry delay, which the poller reads as the least it must wait.
        throw ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType(FailureTypes.CATO_RATE_LIMITED)
            .setNonRetryable(true).setNextRetryDelay(e.retryAfter()).build();
      }
      throw ActivityFailures.from(e);
    }
    List<ScimFailureEvent> failures = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    Instant now = Instant.now();
    for (CatoFeedRecord record : page.failed()) {
      CatoEvent e = record.event();
      String reason = e.failureReason() != null ? e.failureReason()
          : e.eventMessage() != null ? e.eventMessage() : "SCIM provisioning failed (no reason given)";
      // No usable source id: null, and deliver() attributes the event from its hints and the configured sources.
      String sourceId = PlaybookIds.isValidId(e.sourceId()) ? e.sourceId() : null;
      ScimFailureEvent event = new ScimFailureEvent(accountId, sourceId, e.time(), reason, e.storyId(),
          ScimFailureEvent.ORIGIN_EVENTS_FEED, record.recordId(), e.resourceName(), e.eventMessage());
      // The rules of every door: a record that breaks one would be ignored by its run anyway, and one with an
      // impossible time or a broken string has no business in a run's history. Named, counted, not delivered.
      String problem = EventCheck.problem(event, now);
      if (problem == null) {
        failures.add(event);
      } else {
        String line = "record " + EventCheck.printable(record.recordId()) + ": " + problem;
        log.warn("eventsFeed of account {}: refused {}", accountId, line);
        refused.add(line);
      }
    }
    return new FeedPage(page.marker(), page.fetchedCount(), failures, page.fetchedCount() >= fullPage, refused);
  }

  @Override
  public int deliver(List<ScimFailureEvent> events, PlaybookOptions playbook) {
    // Throws when any delivery failed: the poller keeps its marker and fetches the page again; the runs drop what
    // already arrived by event id.
    delivery.deliver(events, playbook);
    return events.size();
  }
}
