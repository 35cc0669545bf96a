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
      filter.append("activityDateTime ge ").append(start(from));
    }
    if (to != null) {
      filter.append(filter.length() > 0 ? " and " : "").append("activityDateTime le ").append(end(to));
    }
    return filter.toString();
  }

  /** Whether a time falls in the window as the filter widened it; unknown bounds and unknown times pass. */
  static boolean inWindow(Instant time, Instant from, Instant to) {
    if (time == null) {
      return true;
    }
    return (from == null || !time.isBefore(start(from))) && (to == null || !time.isAfter(end(to)));
  }

  private static Instant start(Instant from) {
    return from.truncatedTo(ChronoUnit.SECONDS);
  }

  private static Instant end(Instant to) {
    Instant end = to.truncatedTo(ChronoUnit.SECONDS);
    return end.isBefore(to) ? end.plusSeconds(1) : end;
  }

  static String failedProvisioning(Instant from, Instant to) {
    String window = activityWindow(from, to);
    return (window.isEmpty() ? "" : window + " and ") + "provisioningStatusInfo/status eq 'failure'";
  }
}
