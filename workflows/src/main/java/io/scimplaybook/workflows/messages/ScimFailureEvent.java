package io.scimplaybook.workflows.messages;

import java.time.Instant;

/**
 * One "SCIM Provisioning / Failed" occurrence, from the CMA webhook or the events feed.
 *
 * @param origin where it came from ({@code webhook}, {@code events-feed}, {@code cli}); an events-feed record is
 *     Cato's own evidence of the failure, a webhook body is only a claim until verified
 */
public record ScimFailureEvent(
    String accountId, String sourceId, Instant time, String reason, String storyId, String origin) {

  public static final String ORIGIN_EVENTS_FEED = "events-feed";
  public static final String ORIGIN_WEBHOOK = "webhook";
}
