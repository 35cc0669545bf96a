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
 */
public record FeedPage(String marker, int fetchedCount, List<ScimFailureEvent> failures, boolean moreWaiting) {}
