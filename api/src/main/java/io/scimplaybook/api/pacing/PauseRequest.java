package io.scimplaybook.api.pacing;

/**
 * A vendor said "not before {@code waitMillis} from now" (a 429's Retry-After, or a rate-limit error without one): no
 * slot is granted before then, for any caller of the key. Relative, like {@link PaceGrant#waitMillis()}: the limiter
 * adds it to its own clock.
 *
 * @param reason what was seen, for the limiter's state (status code and where the wait came from; never a body)
 */
public record PauseRequest(long waitMillis, String reason) {}
