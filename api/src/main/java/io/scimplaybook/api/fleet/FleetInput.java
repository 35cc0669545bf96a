package io.scimplaybook.api.fleet;

/** Starts the fleet workflow: the settings of whoever started it, and the state of the run it continues, if any. */
public record FleetInput(FleetSettings settings, FleetCarryOver carried) {}
