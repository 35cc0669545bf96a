package io.scimplaybook.api.status;

import java.time.Instant;

/** One line of the run's timeline, as an operator reads it. */
public record TimelineEntry(Instant time, String text) {}
