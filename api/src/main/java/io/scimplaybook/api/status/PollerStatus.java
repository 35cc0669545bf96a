package io.scimplaybook.api.status;

import java.time.Duration;
import java.time.Instant;

/**
 * What an events-feed poller reports about itself.
 *
 * @param polls fetches that returned a page, over the poller's whole life (continue-as-new included)
 * @param eventsDelivered SCIM failures handed to playbook runs, over the poller's whole life
 * @param lastPollAt when the last successful fetch completed, or null before the first
 * @param backoff the rate-limit back-off the poller is in, or null when it is not backing off
 * @param rateLimitedInARow how many fetches Cato refused for its rate limit since the last good one
 * @param lastError the last failure other than a rate limit, or null since the last good poll
 * @param stopping a stop was requested; the poller ends after its current poll
 * @param eventsRefused Failed records that broke an event rule and were not delivered, over the poller's whole life
 * @param lastRefused the last such record and why, or null when none was refused
 */
public record PollerStatus(
    String accountId,
    String marker,
    long polls,
    long eventsDelivered,
    Instant lastPollAt,
    Duration backoff,
    int rateLimitedInARow,
    String lastError,
    boolean stopping,
    long eventsRefused,
    String lastRefused) {}
