package io.scimplaybook.api.fleet;

/**
 * One source failure as the fleet workflow receives it.
 *
 * @param id the same for every attempt of the activity that sent it, so a retried delivery is counted once
 * @param key the failure reason normalised ({@link ReasonKey}): what makes failures of many sources "the same"
 * @param settings the sender's configuration, applied by the fleet from this sighting on
 */
public record FleetSighting(String id, SourceFailure failure, String key, FleetSettings settings) {}
