package io.scimplaybook.sandbox;

import java.time.Instant;

/**
 * One record of Cato's audit trail.
 *
 * @param objectEntityType the {@code Entity.type} of the changed object; the schema's EntityType has no Domain, so
 *     Domain changes use {@code any}
 */
record AuditEntry(
    Instant time,
    String adminId,
    String adminName,
    String changeType,
    String modelType,
    String modelName,
    String objectId,
    String objectEntityType,
    String module) {}
