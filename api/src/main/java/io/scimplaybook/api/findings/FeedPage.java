package io.scimplaybook.api.findings;

import io.scimplaybook.api.input.ScimFailureEvent;
import java.util.List;

/**
 * One eventsFeed fetch, reduced to what the poller acts on.
 *
 * @param marker the marker to pass to the next fetch
 * @param fetchedCount records Cato returned (all SCIM Provisioning records, before keeping only Failed ones)
 * @param failures the SCIM Provisioning / Failed events, each naming its source and carrying a stable event id
 * @param moreWaiting the page was full, so Cato probably holds more: fetch again soon rather than after the interval
 * @param refused the Failed records that broke an event rule ({@code EventCheck}), one line each naming the record
 *     and why; not in {@code failures}, so never delivered. Null in histories recorded before it
 */
public record FeedPage(
    String marker, int fetchedCount, List<ScimFailureEvent> failures, boolean moreWaiting, List<String> refused) {

  /** A page whose records all passed. */
  public FeedPage(String marker, int fetchedCount, List<ScimFailureEvent> failures, boolean moreWaiting) {
    this(marker, fetchedCount, failures, moreWaiting, List.of());
  }
}
