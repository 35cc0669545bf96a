package io.scimplaybook.activities.entra;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** OData {@code $filter} expressions for Graph's audit logs. DateTimeOffset literals go unquoted, in UTC. */
final class GraphFilters {
  private GraphFilters() {}

  /** {@code activityDateTime ge FROM and activityDateTime le TO}, widened to whole seconds so nothing at the edge is lost. */
  static String activityWindow(Instant from, Instant to) {
    StringBuilder filter = new StringBuilder();
    if (from != null) {
      filter.append("activityDateTime ge ").append(from.truncatedTo(ChronoUnit.SECONDS));
    }
    if (to != null) {
      Instant end = to.truncatedTo(ChronoUnit.SECONDS);
      if (end.isBefore(to)) {
        end = end.plusSeconds(1);
      }
      filter.append(filter.length() > 0 ? " and " : "").append("activityDateTime le ").append(end);
    }
    return filter.toString();
  }

  static String failedProvisioning(Instant from, Instant to) {
    String window = activityWindow(from, to);
    return (window.isEmpty() ? "" : window + " and ") + "provisioningStatusInfo/status eq 'failure'";
  }
}
