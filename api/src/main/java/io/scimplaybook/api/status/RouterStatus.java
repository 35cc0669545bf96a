package io.scimplaybook.api.status;

import java.util.List;

/**
 * What an account's event router tells: events waiting, events routed, and where the last batch went.
 *
 * @param lastRoutedTo the workflow ids the last batch reached
 * @param lastError why the last routing attempt failed, or why the router ignored a malformed event since, or null
 */
public record RouterStatus(
    String accountId, int pending, long eventsRouted, long batches, List<String> lastRoutedTo, String lastError) {}
