package io.scimplaybook.api.input;

import java.time.Instant;

/**
 * One "SCIM Provisioning / Failed" occurrence, from the CMA webhook or the events feed.
 *
 * @param origin where it came from ({@code webhook}, {@code events-feed}, {@code cli}); an events-feed record is
 *     Cato's own evidence of the failure, a webhook body is only a claim until verified
 * @param eventId a stable id of the occurrence, or null: the events feed derives one from the record, so a delivery
 *     that is retried after a partial success is counted once by the run; webhook events may carry none
 */
public record ScimFailureEvent(
    String accountId, String sourceId, Instant time, String reason, String storyId, String origin, String eventId) {

  public static final String ORIGIN_EVENTS_FEED = "events-feed";
  public static final String ORIGIN_WEBHOOK = "webhook";

  /** An event without an id: each delivery of it counts. */
  public ScimFailureEvent(
      String accountId, String sourceId, Instant time, String reason, String storyId, String origin) {
    this(accountId, sourceId, time, reason, storyId, origin, null);
  }
}
