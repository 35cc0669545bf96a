package io.scimplaybook.cli;

import io.scimplaybook.api.FleetWatchWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.fleet.AffectedSource;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetIncidentDetail;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetStatus;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fleet [--json]}: the one place that shows suspected provider incidents, open and recently cleared, each with
 * its reason, scope, affected sources and times (the fleet watch's status query).
 */
final class FleetCommand implements CliCommand {

  /** Sources listed per incident; the count above them is always exact. */
  static final int SOURCES_SHOWN = 20;

  @Override
  public Set<String> valueOptions() {
    return Set.of();
  }

  @Override
  public Set<String> flags() {
    return Set.of("json");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    boolean json = args.flag("json");
    return (client, out, err) -> {
      FleetStatus s;
      try {
        s = client.newWorkflowStub(FleetWatchWorkflow.class, PlaybookIds.FLEET_WORKFLOW_ID).status();
      } catch (WorkflowNotFoundException e) {
        throw new CliExit(ExitCodes.NOT_FOUND, "no fleet watch (" + PlaybookIds.FLEET_WORKFLOW_ID + ") yet: no run "
            + "has reported a failure since the worker started with scim-playbook.fleet.enabled=true");
      }
      out.print(json ? CliJson.write(s) + "\n" : render(s));
      return ExitCodes.OK;
    };
  }

  static String render(FleetStatus s) {
    StringBuilder text = new StringBuilder();
    FleetSettings c = s.settings();
    text.append("Fleet watch ").append(PlaybookIds.FLEET_WORKFLOW_ID).append(": ").append(s.open().size())
        .append(" open incident(s), ").append(s.recent().size()).append(" cleared recently\n");
    if (c != null) {
      text.append("  threshold: ").append(c.threshold()).append(" sources with one reason within ").append(c.window())
          .append("; clears after ").append(c.quietPeriod()).append(" without a new failure; runs ")
          .append(!c.enabled() ? "do not report (correlation off)"
              : c.hold() ? "hold up to " + c.maxHold() + " before asking people" : "do not hold (hold off)")
          .append('\n');
    }
    text.append("  sightings counted: ").append(s.sightings()).append("; sources failing within the window: ")
        .append(s.trackedSources()).append('\n');
    if (s.open().isEmpty() && s.recent().isEmpty()) {
      text.append("\nNo provider incident so far.\n");
    }
    s.open().forEach(d -> incident(text, "OPEN", d));
    s.recent().forEach(d -> incident(text, "CLEARED", d));
    return text.toString();
  }

  private static void incident(StringBuilder text, String state, FleetIncidentDetail d) {
    FleetIncident i = d.incident();
    text.append('\n').append(state).append(' ').append(i.id()).append(": \"").append(i.reason()).append("\"\n")
        .append("  reason key: ").append(i.key()).append('\n')
        .append("  scope:      ").append(i.scope() == FleetScope.TENANT ? "IdP tenant " : "across ")
        .append(i.scopeLabel()).append('\n')
        .append("  declared:   ").append(i.declaredAt()).append('\n')
        .append("  last failure: ").append(i.lastSightingAt()).append('\n');
    if (i.clearedAt() != null) {
      text.append("  cleared:    ").append(i.clearedAt()).append('\n');
    }
    text.append("  sources:    ").append(i.affectedSources()).append('\n');
    List<AffectedSource> shown = d.affected().subList(0, Math.min(d.affected().size(), SOURCES_SHOWN));
    for (AffectedSource a : shown) {
      text.append("    ").append(a.workflowId()).append("  ").append(a.idp() == null ? "?" : a.idp())
          .append(a.tenant() == null ? "" : " " + a.tenant()).append("  since ").append(a.firstSeen()).append('\n');
    }
    if (i.affectedSources() > shown.size()) {
      text.append("    ... and ").append(i.affectedSources() - shown.size()).append(" more (--json for those kept)\n");
    }
  }
}
