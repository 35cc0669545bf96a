package io.scimplaybook.api.findings;

import java.util.List;

/** Failed provisioning log entries in the window asked. */
public record ProvisioningLog(List<ProvisioningLogEntry> entries) {}
