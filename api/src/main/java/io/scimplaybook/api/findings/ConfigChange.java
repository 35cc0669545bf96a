package io.scimplaybook.api.findings;

import java.time.Instant;

/**
 * A configuration change found in an audit trail.
 *
 * @param origin which trail: {@code Cato audit trail} or {@code Entra directory audit}
 */
public record ConfigChange(
    String origin, Instant time, String actor, String changeType, String objectType, String objectName, String description) {}
