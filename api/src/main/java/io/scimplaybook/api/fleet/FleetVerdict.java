package io.scimplaybook.api.fleet;

/**
 * The fleet's answer to a run's sighting, kept in the run's history so its decision to hold or not replays.
 *
 * @param seen whether the fleet had counted the sighting when it answered (false: it did not answer in time, or
 *     correlation is off; a later declaration still reaches the run by signal)
 * @param incident the open incident the run's source belongs to, or null
 */
public record FleetVerdict(boolean seen, FleetSettings settings, FleetIncident incident) {

  public static FleetVerdict off(FleetSettings settings) {
    return new FleetVerdict(false, settings, null);
  }
}
