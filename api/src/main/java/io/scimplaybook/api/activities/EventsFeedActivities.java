package io.scimplaybook.api.activities;

import io.scimplaybook.api.findings.FeedPage;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** What the events-feed poller asks of the outside world: Cato's feed, and Temporal to reach the playbook runs. */
@ActivityInterface
public interface EventsFeedActivities {

  /**
   * The SCIM Provisioning / Failed events after {@code marker} in the account's eventsFeed. A rate-limit refusal is a
   * non-retryable failure of type {@link FailureTypes#CATO_RATE_LIMITED}.
   *
   * @param marker null for the start of the feed
   */
  FeedPage fetchFailures(String accountId, String marker);

  /**
   * Signals-with-start each event into the playbook run of its (account, source), starting runs with {@code
   * playbook}. Returns how many events were delivered: all of them, or it throws.
   */
  int deliver(List<ScimFailureEvent> events, PlaybookOptions playbook);
}
