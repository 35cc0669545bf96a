package io.scimplaybook.api.input;

import java.time.Instant;

/**
 * One "SCIM Provisioning / Failed" occurrence, from the CMA webhook or the events feed.
 *
 * @param sourceId the SCIM source the event names, or null when it names none: Cato does not document that SCIM events
 *     fill {@code resource_id}, so the worker attributes such an event to a configured source (see
 *     {@code activities.source.SourceAttribution}) and delivers it to that run with the attributed id set
 * @param origin where it came from ({@code webhook}, {@code events-feed}, {@code cli}); an events-feed record is
 *     Cato's own evidence of the failure, a webhook body is only a claim until verified
 * @param eventId a stable id of the occurrence, or null: the events feed derives one from the record, so a delivery
 *     that is retried after a partial success is counted once by the run; webhook events may carry none
 * @param resourceName Cato's {@code resource_name} when the event carried one (a hint naming the IdP or SCIM app), or
 *     null. Appended after the released fields: histories recorded before it deserialize with null here
 * @param eventMessage Cato's {@code event_message} when the event carried one (another hint), or null
 */
public record ScimFailureEvent(
    String accountId, String sourceId, Instant time, String reason, String storyId, String origin, String eventId,
    String resourceName, String eventMessage) {

  public static final String ORIGIN_EVENTS_FEED = "events-feed";
  public static final String ORIGIN_WEBHOOK = "webhook";

  /** An event without hints, as every event was before attribution. */
  public ScimFailureEvent(
      String accountId, String sourceId, Instant time, String reason, String storyId, String origin, String eventId) {
    this(accountId, sourceId, time, reason, storyId, origin, eventId, null, null);
  }

  /** An event without an id: each delivery of it counts. */
  public ScimFailureEvent(
      String accountId, String sourceId, Instant time, String reason, String storyId, String origin) {
    this(accountId, sourceId, time, reason, storyId, origin, null);
  }

  /** The same occurrence, attributed to {@code source}: what reaches that source's run. */
  public ScimFailureEvent withSourceId(String source) {
    return new ScimFailureEvent(accountId, source, time, reason, storyId, origin, eventId, resourceName, eventMessage);
  }

  /** The same occurrence, stamped with a time. */
  public ScimFailureEvent withTime(Instant at) {
    return new ScimFailureEvent(accountId, sourceId, at, reason, storyId, origin, eventId, resourceName, eventMessage);
  }
}
