package io.scimplaybook.sandbox;

import java.time.Instant;
import java.util.List;

/** One Entra ID directory audit record (GET /auditLogs/directoryAudits). */
record EntraAuditEntry(
    String id,
    Instant time,
    String category,
    String activityDisplayName,
    String operationType,
    String initiatorUpn,
    String targetId,
    String targetDisplayName,
    String targetType,
    List<Change> changes) {

  record Change(String displayName, String oldValue, String newValue) {}
}
