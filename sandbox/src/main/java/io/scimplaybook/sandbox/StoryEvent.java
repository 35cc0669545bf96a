package io.scimplaybook.sandbox;

import java.time.Instant;

/** One item of the XOps story's timeline. */
record StoryEvent(Instant createdAt, String context, String description, String category) {}
