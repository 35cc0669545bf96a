package io.scimplaybook.worker;

import io.scimplaybook.activities.pacing.LocalPacer;
import io.scimplaybook.activities.pacing.PaceLimit;
import io.scimplaybook.activities.pacing.PaceLimitTable;
import io.scimplaybook.activities.pacing.Pacer;
import io.scimplaybook.activities.pacing.PacingInterceptor;
import io.scimplaybook.activities.pacing.TemporalPacer;
import io.scimplaybook.api.pacing.PacerInput;
import io.scimplaybook.api.pacing.PacerState;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker paces its calls to Cato and Graph (docs/pacing.md). On by default with the documented limits; with
 * {@code enabled=false} each worker paces its own calls only (no limiter workflows: one worker, or tests).
 *
 * @param margin network jitter and clock skew between workers that the spacing absorbs: the limit is kept at the
 *     vendor's door as long as no request arrives more than this late for its slot
 * @param recheckAfter a caller that waited at least this long asks its limiter whether a 429 elsewhere paused the key
 *     before it goes (one query; shorter waits go at once)
 * @param reserveTimeout how long a reservation may take before this worker paces the call alone (Temporal down, no
 *     worker on the pacing queue) and says so in a warning
 * @param grantsBeforeContinueAsNew slots a limiter run grants before it continues as new
 * @param idleTimeout how long a limiter waits for a request, once nothing it holds matters, before it completes
 * @param limits overrides by name ({@code cato-default}, {@code cato-events-feed}, {@code cato-audit-feed}, {@code
 *     graph-provision-on-demand}, {@code graph-other}); a field left out keeps the documented value, {@code
 *     requests: 0} leaves that class unpaced
 */
@ConfigurationProperties("scim-playbook.pacing")
public record PacingProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("250ms") Duration margin,
    @DefaultValue("1s") Duration recheckAfter,
    @DefaultValue("5s") Duration reserveTimeout,
    @DefaultValue("2000") int grantsBeforeContinueAsNew,
    @DefaultValue("15m") Duration idleTimeout,
    Map<String, Limit> limits) {

  /** One limit's override; null fields keep the documented value. */
  public record Limit(Integer requests, Duration per, Integer burst) {}

  public static PacingProperties defaults() {
    return new PacingProperties(true, Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5),
        PacerInput.DEFAULT_GRANTS_BEFORE_CONTINUE_AS_NEW, PacerInput.DEFAULT_IDLE_TIMEOUT, Map.of());
  }

  /** The documented limits with this configuration's overrides; a bad override fails the worker at startup. */
  public PaceLimitTable table() {
    Map<String, PaceLimit> merged = new LinkedHashMap<>(PaceLimitTable.DOCUMENTED);
    if (limits != null) {
      limits.forEach((name, override) -> {
        PaceLimit documented = merged.get(name);
        if (documented == null && !PaceLimitTable.GRAPH_OTHER.equals(name)) {
          throw new IllegalArgumentException("scim-playbook.pacing.limits." + name + " names no limit; known: "
              + String.join(", ", PaceLimitTable.CATO_DEFAULT, PaceLimitTable.CATO_EVENTS_FEED,
                  PaceLimitTable.CATO_AUDIT_FEED, PaceLimitTable.GRAPH_PROVISION_ON_DEMAND,
                  PaceLimitTable.GRAPH_OTHER));
        }
        Integer requests = override.requests() != null ? override.requests()
            : documented == null ? null : documented.requests();
        if (requests == null || requests == 0) {
          merged.remove(name);
          return;
        }
        Duration per = override.per() != null ? override.per() : documented == null ? null : documented.per();
        int burst = override.burst() != null ? override.burst() : documented == null ? 1 : documented.burst();
        try {
          merged.put(name, new PaceLimit(requests, per, burst));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("scim-playbook.pacing.limits." + name + ": " + e.getMessage(), e);
        }
      });
    }
    return new PaceLimitTable(merged, margin);
  }

  /** The limiter workflows' start input: empty state, this configuration's run length and idle spell. */
  public PacerInput limiterInput() {
    return new PacerInput(PacerState.EMPTY, grantsBeforeContinueAsNew, idleTimeout);
  }

  public Pacer pacer(WorkflowClient client, Clock clock) {
    return enabled
        ? new TemporalPacer(client, limiterInput(), margin, recheckAfter, reserveTimeout, clock)
        : new LocalPacer(margin, clock);
  }

  /** The OkHttp interceptor every vendor client of this worker goes through. */
  public PacingInterceptor interceptor(WorkflowClient client) {
    Clock clock = Clock.systemUTC();
    return new PacingInterceptor(pacer(client, clock), table(), clock);
  }
}
