package io.scimplaybook.api.fleet;

import java.util.List;

/** Sightings that reached one worker at about the same time, in one signal ({@link io.scimplaybook.api.FleetBatcher}). */
public record FleetBatch(List<FleetSighting> sightings) {

  /** Far below Temporal's 2 MB payload limit at ~400 bytes a sighting. */
  public static final int MAX_SIGHTINGS = 500;

  public FleetBatch {
    sightings = sightings == null ? List.of() : List.copyOf(sightings);
  }
}
