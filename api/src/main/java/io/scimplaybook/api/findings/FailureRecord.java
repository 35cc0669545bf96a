package io.scimplaybook.api.findings;

import java.time.Instant;

/** A SCIM Provisioning / Failed event record from Cato's events API. */
public record FailureRecord(Instant time, String sourceId, String reason, String storyId, String message) {}
