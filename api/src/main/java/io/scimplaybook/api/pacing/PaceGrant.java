package io.scimplaybook.api.pacing;

/**
 * A reserved slot: the caller sends its request at {@code slotMillis} (epoch) or later, never earlier.
 *
 * @param pauses how many pauses the limiter had recorded when it granted the slot; a caller that waited long compares
 *     it with {@link PacerState#pauses()} to learn whether a 429 elsewhere came in meanwhile
 */
public record PaceGrant(long slotMillis, long pauses) {}
