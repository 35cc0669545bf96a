package io.scimplaybook.api.fleet;

import java.util.List;

/**
 * The one place that shows provider incidents: open ones and the recently cleared, each with its reason, scope,
 * affected sources and times.
 *
 * @param sightings every sighting counted since the fleet workflow first started
 */
public record FleetStatus(
    FleetSettings settings, List<FleetIncidentDetail> open, List<FleetIncidentDetail> recent, long sightings,
    int trackedSources, int continuedRuns) {}
