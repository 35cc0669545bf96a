package io.scimplaybook.api.findings;

import java.time.Instant;

/** One failed entry of the IdP's provisioning log. */
public record ProvisioningLogEntry(Instant time, String status, String errorCode, String reason, String target) {}
