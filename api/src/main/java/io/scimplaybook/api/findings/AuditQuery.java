package io.scimplaybook.api.findings;

import java.time.Instant;

/** The window before the first failure in which configuration changes are suspects. */
public record AuditQuery(String accountId, String sourceId, Instant from, Instant to) {}
