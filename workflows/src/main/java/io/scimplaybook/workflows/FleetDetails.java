package io.scimplaybook.workflows;

import io.scimplaybook.api.fleet.AffectedSource;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetIncidentDetail;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.FleetStatus;
import java.util.List;

/** The fleet watch's current details in the Temporal UI: the same incidents as {@code ./scim-playbook fleet}. */
final class FleetDetails {
  /** Sources named per incident; the UI's details are for reading, the CLI's --json has the rest. */
  private static final int SOURCES_SHOWN = 10;

  private FleetDetails() {}

  static String render(FleetStatus s) {
    StringBuilder md = new StringBuilder();
    md.append("**Suspected provider incidents:** ").append(s.open().size()).append(" open, ")
        .append(s.recent().size()).append(" cleared recently · ").append(s.sightings()).append(" sightings counted\n");
    if (s.settings() != null) {
      md.append("Threshold ").append(s.settings().threshold()).append(" sources within ").append(s.settings().window())
          .append(" · clears after ").append(s.settings().quietPeriod()).append(" quiet · runs ")
          .append(s.settings().hold() ? "hold up to " + s.settings().maxHold() : "do not hold").append('\n');
    }
    s.open().forEach(d -> incident(md, "Open", d));
    s.recent().forEach(d -> incident(md, "Cleared", d));
    return md.toString();
  }

  private static void incident(StringBuilder md, String state, FleetIncidentDetail d) {
    FleetIncident i = d.incident();
    md.append("\n### ").append(state).append(' ').append(i.id()).append(": ").append(i.reason()).append("\n\n")
        .append("- scope: ").append(i.scope() == FleetScope.TENANT ? "IdP tenant " : "across ").append(i.scopeLabel())
        .append('\n')
        .append("- declared ").append(i.declaredAt()).append(", last failure ").append(i.lastSightingAt())
        .append(i.clearedAt() == null ? "" : ", cleared " + i.clearedAt()).append('\n')
        .append("- ").append(i.affectedSources()).append(" sources:");
    List<AffectedSource> shown = d.affected().subList(0, Math.min(d.affected().size(), SOURCES_SHOWN));
    shown.forEach(a -> md.append(' ').append(a.workflowId()));
    if (i.affectedSources() > shown.size()) {
      md.append(" and ").append(i.affectedSources() - shown.size()).append(" more");
    }
    md.append('\n');
  }
}
