package io.scimplaybook.api.fleet;

import java.time.Instant;

/**
 * A suspected provider-side incident: one failure reason across many sources. Small on purpose, because it is what
 * every held run receives; the affected sources themselves are in {@link FleetIncidentDetail}.
 *
 * @param scopeLabel the tenant ("Entra ID 72f9...") or "N accounts", for people
 * @param clearedAt null while open
 */
public record FleetIncident(
    String id, String key, String reason, FleetScope scope, String scopeLabel, int affectedSources,
    Instant declaredAt, Instant lastSightingAt, Instant clearedAt) {

  public boolean open() {
    return clearedAt == null;
  }

  /** One line for timelines and the UI. */
  public String describe() {
    return "fleet incident " + id + " (\"" + reason + "\", " + affectedSources + " sources, "
        + (scope == FleetScope.TENANT ? "tenant " : "across ") + scopeLabel + ")";
  }
}
