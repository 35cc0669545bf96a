package io.scimplaybook.activities.cato;

import io.scimplaybook.api.findings.ConfigChange;
import java.util.List;

/**
 * Heartbeat details of {@code findDomainChanges}: with auditFeed limited to 5 calls a minute, a retry after a rate
 * limit continues from {@code marker} with the changes already read instead of starting over.
 */
public record AuditFeedProgress(String marker, int pages, List<ConfigChange> changes) {}
