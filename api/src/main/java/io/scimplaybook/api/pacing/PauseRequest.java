package io.scimplaybook.api.pacing;

/**
 * A vendor said "not before {@code untilMillis}" (a 429's Retry-After, or a rate-limit error without one): no slot is
 * granted before then, for any caller of the key.
 *
 * @param reason what was seen, for the limiter's state (status code and where the wait came from; never a body)
 */
public record PauseRequest(long untilMillis, String reason) {}
