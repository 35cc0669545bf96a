package io.scimplaybook.activities.cato;

import java.time.Instant;
import java.util.Map;

/**
 * One audit-trail record of {@code auditFeed}.
 *
 * @param actor the admin's name, else the API key's name, else {@code fieldsMap.admin}
 * @param fields {@code fieldsMap} as text, in the order Cato sent it
 */
public record CatoAuditRecord(
    Instant time,
    String actor,
    String changeType,
    String modelType,
    String modelName,
    String objectType,
    String objectName,
    Map<String, String> fields) {}
