package io.scimplaybook.api.fleet;

import java.util.List;

/**
 * An incident with its sources, as the fleet workflow keeps and shows it.
 *
 * @param affected the sources counted, first seen first; for a cleared incident kept only up to a bound (the count in
 *     {@code incident} stays exact)
 */
public record FleetIncidentDetail(FleetIncident incident, List<AffectedSource> affected) {

  public FleetIncidentDetail {
    affected = affected == null ? List.of() : List.copyOf(affected);
  }
}
