package io.scimplaybook.api.fleet;

import java.util.List;

/**
 * What a fleet workflow hands to the run it continues as: open and recent incidents, the marks inside the window, the
 * ids already counted, and sightings that arrived during the hand-over.
 */
public record FleetCarryOver(
    int incidentSequence, List<FleetIncidentDetail> open, List<FleetIncidentDetail> recent, List<FleetMark> marks,
    List<String> countedIds, List<FleetSighting> pending, long sightings, int continuedRuns) {}
