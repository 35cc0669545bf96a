package io.scimplaybook.workflows;

import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.status.PollerStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Fetch a page, deliver its failures, only then keep its marker; wait; repeat; continue as new every so often.
 *
 * <p>The marker advances only after the page's events were delivered: a worker that dies in between makes the next
 * attempt fetch the same page again, and the playbook runs drop the repeats by event id. So a restart neither misses
 * nor double-counts an event.
 */
public class EventsFeedPollerWorkflowImpl implements EventsFeedPollerWorkflow {

  private static final Logger log = Workflow.getLogger(EventsFeedPollerWorkflowImpl.class);

  private final EventsFeedActivities feed =
      Workflow.newActivityStub(EventsFeedActivities.class,
          ActivityOptions.newBuilder(ActivityPolicies.catoFeed()).setSummary("read Cato's eventsFeed").build());
  private final EventsFeedActivities delivery =
      Workflow.newActivityStub(EventsFeedActivities.class,
          ActivityOptions.newBuilder(ActivityPolicies.feedDelivery())
              .setSummary("signal-with-start the playbook runs of failing sources").build());

  private String accountId;
  private String marker;
  private long polls;
  private long eventsDelivered;
  private long eventsRefused;
  private String lastRefused;
  private Instant lastPollAt;
  private Duration backoff;
  private int rateLimitedInARow;
  private String lastError;
  private boolean stopRequested;

  @Override
  public void run(PollerInput input) {
    accountId = input.accountId();
    marker = input.marker();
    polls = input.polls();
    eventsDelivered = input.eventsDelivered();
    eventsRefused = input.eventsRefused();
    PollerOptions options = input.options() == null ? PollerOptions.defaults() : input.options();
    PlaybookOptions playbook = input.playbook() == null ? PlaybookOptions.defaults() : input.playbook();
    Duration interval = longer(options.pollInterval(), options.minSpacing());

    int fetchesThisRun = 0;
    while (!stopRequested) {
      if (fetchesThisRun >= options.pollsBeforeContinueAsNew() || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(new PollerInput(accountId, marker, polls, eventsDelivered, options, playbook,
            eventsRefused));
      }
      fetchesThisRun++;
      Duration wait = pollOnce(playbook, options, interval);
      // A stop cuts the wait short; the poll itself is never interrupted.
      Workflow.await(wait, () -> stopRequested);
    }
    log.info("events-feed poller for account {} stopped at marker {} after {} polls", accountId, marker, polls);
  }

  /** One fetch and delivery; returns how long to wait before the next. */
  private Duration pollOnce(PlaybookOptions playbook, PollerOptions options, Duration interval) {
    FeedPage page;
    try {
      page = feed.fetchFailures(accountId, marker);
    } catch (ActivityFailure f) {
      if (f.getCause() instanceof ApplicationFailure app && FailureTypes.CATO_RATE_LIMITED.equals(app.getType())) {
        rateLimitedInARow++;
        backoff = backoffAfter(rateLimitedInARow, options);
        // Cato's Retry-After, where it sent one, is the least wait: asking sooner only earns another refusal.
        if (app.getNextRetryDelay() != null) {
          backoff = longer(backoff, app.getNextRetryDelay());
        }
        return backoff;
      }
      // The activity's retry policy already had its go; try again at the next interval from the same marker.
      lastError = "fetch failed: " + Reasons.of(f);
      backoff = null;
      return interval;
    }
    rateLimitedInARow = 0;
    backoff = null;
    if (page.refused() != null && !page.refused().isEmpty()) {
      // Not delivered (the activity logged each with why): counted and named here so the operator sees them.
      eventsRefused += page.refused().size();
      lastRefused = page.refused().get(page.refused().size() - 1);
      log.warn("events-feed poller for account {} refused {} record(s) breaking the event rules, last: {}", accountId,
          page.refused().size(), lastRefused);
    }
    if (!page.failures().isEmpty()) {
      try {
        eventsDelivered += delivery.deliver(page.failures(), playbook);
      } catch (ActivityFailure f) {
        // The marker stays: the next poll fetches this page again and the runs ignore what already arrived.
        lastError = "delivery failed, page will be fetched again: " + Reasons.of(f);
        return interval;
      }
    }
    polls++;
    lastPollAt = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    lastError = null;
    if (page.marker() != null) {
      marker = page.marker();
    }
    return page.moreWaiting() ? options.minSpacing() : interval;
  }

  /** base, 2 base, 4 base, ... capped at max; the shift is bounded so a long outage cannot overflow. */
  static Duration backoffAfter(int refusalsInARow, PollerOptions options) {
    int doublings = Math.min(Math.max(refusalsInARow - 1, 0), 30);
    Duration next = options.backoffBase().multipliedBy(1L << doublings);
    return next.compareTo(options.backoffMax()) > 0 ? options.backoffMax() : next;
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public PollerStatus status() {
    return new PollerStatus(accountId, marker, polls, eventsDelivered, lastPollAt, backoff, rateLimitedInARow,
        lastError, stopRequested, eventsRefused, lastRefused);
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
