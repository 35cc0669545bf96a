package io.scimplaybook.api.fleet;

import java.time.Instant;

/** The latest sighting of one source with one reason key: what the threshold counts within the window. */
public record FleetMark(String key, SourceFailure failure, Instant at) {}
