package io.scimplaybook.sandbox;

import java.time.Instant;
import java.util.List;

/** A consistent copy of the XOps story, taken under the state's lock. */
record StoryView(
    String id,
    String incidentId,
    String status,
    Instant createdAt,
    Instant updatedAt,
    Instant firstSignal,
    Instant lastSignal,
    SyncFailure lastFailure,
    List<StoryEvent> timeline) {}
