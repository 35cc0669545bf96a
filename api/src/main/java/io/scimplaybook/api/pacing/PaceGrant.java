package io.scimplaybook.api.pacing;

/**
 * A reserved slot. The caller waits {@code waitMillis} from when it receives the grant, then sends: a wait, not an
 * instant, because the limiter's clock is its workflow's (the time its task started, behind the callers' by the task's
 * queueing; on a time-skipping test server not wall time at all). A late answer then only makes its caller later,
 * never several callers bunch up on slots that already lie in their past.
 *
 * @param slotMillis the slot on the limiter's clock (what its state and tests speak of)
 * @param waitMillis how long after receiving this the caller may send, 0 for at once
 * @param pauses how many pauses the limiter had recorded when it granted the slot; a caller that waited long compares
 *     it with {@link PacerState#pauses()} to learn whether a 429 elsewhere came in meanwhile
 */
public record PaceGrant(long slotMillis, long waitMillis, long pauses) {}
