package io.scimplaybook.activities.cato;

import java.time.Instant;

/**
 * One record of Cato's {@code events} query, read from its {@code fieldsMap}.
 *
 * @param sourceId the SCIM source the record names, or null: Cato's schema has no such field, so only a record that
 *     carries the client's source-id field ({@value CatoGraphqlClient#SOURCE_ID_FIELD} unless configured) names one
 * @param resourceName {@code resource_name}, or null: the schema documents it as "the specific name or identifier of
 *     the resource" and promises nothing for SCIM events; read as a hint of the IdP or SCIM app
 */
public record CatoEvent(
    Instant time,
    String eventSubType,
    String action,
    String failureReason,
    String eventMessage,
    String storyId,
    String sourceId,
    String resourceName) {

  /** A record without a resource name. */
  public CatoEvent(Instant time, String eventSubType, String action, String failureReason, String eventMessage,
      String storyId, String sourceId) {
    this(time, eventSubType, action, failureReason, eventMessage, storyId, sourceId, null);
  }
}
