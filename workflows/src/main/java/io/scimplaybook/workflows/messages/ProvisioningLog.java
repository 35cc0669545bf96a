package io.scimplaybook.workflows.messages;

import java.util.List;

/** Failed provisioning log entries in the window asked. */
public record ProvisioningLog(List<ProvisioningLogEntry> entries) {}
