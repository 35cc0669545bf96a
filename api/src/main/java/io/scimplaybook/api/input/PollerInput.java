package io.scimplaybook.api.input;

/**
 * Where an events-feed poller starts: a fresh one has no marker and zero counters; continue-as-new passes the marker
 * and the counters on, so the feed is read from where the last run left it.
 *
 * @param marker the eventsFeed marker after the last page whose events were all delivered; null reads from the start
 *     of what Cato keeps
 * @param playbook the settings of every playbook run the poller starts (a run keeps the settings it started with)
 * @param eventsRefused records refused by the event rules so far (0 in inputs recorded before it)
 */
public record PollerInput(
    String accountId, String marker, long polls, long eventsDelivered, PollerOptions options, PlaybookOptions playbook,
    long eventsRefused) {

  public PollerInput(
      String accountId, String marker, long polls, long eventsDelivered, PollerOptions options, PlaybookOptions playbook) {
    this(accountId, marker, polls, eventsDelivered, options, playbook, 0);
  }

  public static PollerInput fresh(String accountId, PollerOptions options, PlaybookOptions playbook) {
    return new PollerInput(accountId, null, 0, 0, options, playbook);
  }
}
