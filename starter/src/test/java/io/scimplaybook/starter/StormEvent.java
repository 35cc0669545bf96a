package io.scimplaybook.starter;

import io.scimplaybook.api.PlaybookIds;
import java.time.Instant;

/**
 * One failure occurrence of the storm: which pair it belongs to, when it happened, and by which path it reaches
 * Temporal. Each has its own time and reason, so no two are the same record.
 */
record StormEvent(int seq, String accountId, String sourceId, Instant time, Path path) {

  /** How the event travels: the webhook in either body format, or Cato's events feed read by the poller. */
  enum Path { WEBHOOK_PLAIN, WEBHOOK_CATO, FEED }

  String workflowId() {
    return PlaybookIds.workflowId(accountId, sourceId);
  }

  String reason() {
    return "SCIM server returned 401 Unauthorized (occurrence " + seq + ")";
  }

  String storyId() {
    return "story-" + accountId + "-" + sourceId;
  }

  /**
   * The id a webhook sender attaches, or null: the CMA template always carries {@code event_id}, the plain JSON only
   * sometimes. Feed events get theirs from the feed record.
   */
  String webhookEventId() {
    return path == Path.WEBHOOK_CATO || (path == Path.WEBHOOK_PLAIN && seq % 2 == 1) ? "wh-" + seq : null;
  }

  boolean viaWebhook() {
    return path != Path.FEED;
  }
}
