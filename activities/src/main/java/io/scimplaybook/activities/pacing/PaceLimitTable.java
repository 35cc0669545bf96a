package io.scimplaybook.activities.pacing;

import io.scimplaybook.api.pacing.PaceKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which limit a call counts against. Cato counts per query and account (API-NOTES: default 120/min, eventsFeed
 * 100/min, auditFeed 5/min), Graph's provisionOnDemand per tenant (5 per 10 s). Graph's other calls have no documented
 * number: unpaced unless {@link #GRAPH_OTHER} is configured, and their 429s keep Temporal's Retry-After retries.
 */
public final class PaceLimitTable {
  public static final String CATO_DEFAULT = "cato-default";
  public static final String CATO_EVENTS_FEED = "cato-events-feed";
  public static final String CATO_AUDIT_FEED = "cato-audit-feed";
  public static final String GRAPH_PROVISION_ON_DEMAND = "graph-provision-on-demand";
  public static final String GRAPH_OTHER = "graph-other";

  /**
   * The documented limits. The bursts are ours and small: every slot of burst costs steady throughput (the spacing
   * keeps burst + rate within the limit), and a lone call goes at once anyway. Two lets a run's pair of reads go
   * together; none where the limit is a handful a window.
   */
  public static final Map<String, PaceLimit> DOCUMENTED = Map.of(
      CATO_DEFAULT, new PaceLimit(120, Duration.ofMinutes(1), 2),
      CATO_EVENTS_FEED, new PaceLimit(100, Duration.ofMinutes(1), 2),
      CATO_AUDIT_FEED, new PaceLimit(5, Duration.ofMinutes(1), 1),
      GRAPH_PROVISION_ON_DEMAND, new PaceLimit(5, Duration.ofSeconds(10), 1));

  private final Map<String, PaceLimit> limits;
  private final Duration margin;

  /** @param margin network jitter and clock skew between workers the spacing absorbs (docs/pacing.md) */
  public PaceLimitTable(Map<String, PaceLimit> limits, Duration margin) {
    this.limits = Map.copyOf(new LinkedHashMap<>(limits));
    this.margin = margin == null || margin.isNegative() ? Duration.ZERO : margin;
  }

  public static PaceLimitTable documented(Duration margin) {
    return new PaceLimitTable(DOCUMENTED, margin);
  }

  public Duration margin() {
    return margin;
  }

  public Map<String, PaceLimit> limits() {
    return limits;
  }

  /** The limit {@code key} counts against, or empty when its calls go unpaced. */
  public Optional<PaceLimit> limitFor(PaceKey key) {
    return Optional.ofNullable(limits.get(limitName(key)));
  }

  static String limitName(PaceKey key) {
    return switch (key.vendor()) {
      case PaceKey.CATO -> switch (key.callClass()) {
        case "eventsFeed" -> CATO_EVENTS_FEED;
        case "auditFeed" -> CATO_AUDIT_FEED;
        default -> CATO_DEFAULT;
      };
      case PaceKey.GRAPH -> "provisionOnDemand".equals(key.callClass()) ? GRAPH_PROVISION_ON_DEMAND : GRAPH_OTHER;
      default -> key.vendor() + "-" + key.callClass();
    };
  }
}
