package io.scimplaybook.activities.cato;

/**
 * A SCIM Provisioning / Failed record of the events feed.
 *
 * @param recordId stable across fetches of the same record, see {@link CatoGraphqlClient#recordId}
 */
public record CatoFeedRecord(CatoEvent event, String recordId) {}
