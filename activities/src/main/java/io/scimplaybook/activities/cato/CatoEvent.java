package io.scimplaybook.activities.cato;

import java.time.Instant;

/**
 * One record of Cato's {@code events} query, read from its {@code fieldsMap}.
 *
 * @param sourceId the SCIM source the record names, or null: Cato's schema has no such field, so only a record that
 *     carries {@value CatoGraphqlClient#SOURCE_ID_FIELD} names one
 */
public record CatoEvent(
    Instant time,
    String eventSubType,
    String action,
    String failureReason,
    String eventMessage,
    String storyId,
    String sourceId) {}
