package io.scimplaybook.sandbox;

import java.time.Duration;

/**
 * The vendors' documented limits the fleet stand-in enforces (shared reference API-NOTES): Cato's per query, per
 * account, shared by all API keys (default 120 a minute, {@code eventsFeed} 100, {@code auditFeed} 5), and Microsoft
 * Graph's {@code provisionOnDemand}, 5 requests per 10 seconds per tenant. Graph's other synchronization and audit-log
 * calls have no documented figure and are not limited here.
 */
public record FleetLimits(
    int catoDefaultPerMinute, int catoEventsFeedPerMinute, int catoAuditFeedPerMinute,
    int graphProvisionOnDemand, Duration graphProvisionOnDemandWindow) {

  public static FleetLimits documented() {
    return new FleetLimits(120, 100, 5, 5, Duration.ofSeconds(10));
  }
}
