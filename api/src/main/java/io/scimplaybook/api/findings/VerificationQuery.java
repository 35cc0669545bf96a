package io.scimplaybook.api.findings;

import java.time.Instant;

/** The window in which step 1 looks for SCIM stories and failure events. */
public record VerificationQuery(String accountId, String sourceId, Instant from, Instant to, String storyId) {}
