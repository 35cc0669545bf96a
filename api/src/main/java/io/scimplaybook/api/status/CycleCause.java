package io.scimplaybook.api.status;

import java.time.Instant;

/**
 * What one cycle of the playbook found and did: the failure it started from, its diagnosis, and the fix (if any).
 *
 * @param failureAt the latest failure when the cycle began
 * @param failureReason that failure's reason
 * @param cause the cause this cycle's repair pointed to
 * @param fix what the cycle did, in a sentence (its conclusion)
 * @param fixedAt when the fix was in place; null when the cycle found none
 */
public record CycleCause(
    int cycle, Instant failureAt, String failureReason, RootCause cause, String fix, Instant fixedAt) {}
