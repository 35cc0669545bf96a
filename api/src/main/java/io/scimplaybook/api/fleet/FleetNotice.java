package io.scimplaybook.api.fleet;

/** What the fleet workflow signals to each affected run: an incident was declared, or it cleared. */
public record FleetNotice(Kind kind, FleetIncident incident) {

  public enum Kind {
    DECLARED,
    CLEARED
  }
}
