package io.scimplaybook.activities.cato;

import java.util.List;

/**
 * One eventsFeed fetch.
 *
 * @param marker to pass to the next fetch (the one sent, when Cato returned none)
 * @param fetchedCount records Cato returned for the sub-type filter, before keeping only Failed ones
 */
public record CatoFeedPage(String marker, int fetchedCount, List<CatoFeedRecord> failed) {}
