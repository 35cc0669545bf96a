package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.scimplaybook.activities.pacing.LocalPacer;
import io.scimplaybook.activities.pacing.PaceLimit;
import io.scimplaybook.activities.pacing.PaceLimitTable;
import io.scimplaybook.api.pacing.PaceKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** scim-playbook.pacing as the worker binds it: the documented limits by default, overrides field by field. */
class PacingPropertiesTest {
  private static PacingProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("scim-playbook.pacing", PacingProperties.class);
  }

  private static PaceLimit limit(PacingProperties p, String vendor, String callClass) {
    return p.table().limitFor(new PaceKey(vendor, "12345", callClass)).orElse(null);
  }

  @Test
  void nothingConfiguredPacesAcrossWorkersAtTheDocumentedLimits() {
    PacingProperties p = bind(Map.of());

    assertThat(p.enabled()).isTrue();
    assertThat(p.margin()).isEqualTo(Duration.ofMillis(250));
    assertThat(limit(p, "cato", "events")).isEqualTo(new PaceLimit(120, Duration.ofMinutes(1), 2));
    assertThat(limit(p, "cato", "xdr")).isEqualTo(new PaceLimit(120, Duration.ofMinutes(1), 2));
    assertThat(limit(p, "cato", "eventsFeed")).isEqualTo(new PaceLimit(100, Duration.ofMinutes(1), 2));
    assertThat(limit(p, "cato", "auditFeed")).isEqualTo(new PaceLimit(5, Duration.ofMinutes(1), 1));
    assertThat(limit(p, "graph", "provisionOnDemand")).isEqualTo(new PaceLimit(5, Duration.ofSeconds(10), 1));
    assertThat(limit(p, "graph", "other")).as("Graph documents no number for its other calls").isNull();
    // auditFeed's 5 a minute, kept at the vendor's door with a quarter second of jitter: one slot every 12.05 s.
    assertThat(limit(p, "cato", "auditFeed").spacing(p.margin()).intervalMillis()).isEqualTo(12_050);
  }

  @Test
  void anOverrideKeepsTheDocumentedValuesItLeavesOutAndZeroTurnsAClassOff() {
    PacingProperties p = bind(Map.of(
        "scim-playbook.pacing.limits.cato-audit-feed.requests", "4",
        "scim-playbook.pacing.limits.cato-events-feed.requests", "0",
        "scim-playbook.pacing.limits.graph-other.requests", "50",
        "scim-playbook.pacing.limits.graph-other.per", "10s"));

    assertThat(limit(p, "cato", "auditFeed")).isEqualTo(new PaceLimit(4, Duration.ofMinutes(1), 1));
    assertThat(limit(p, "cato", "eventsFeed")).isNull();
    assertThat(limit(p, "graph", "other")).isEqualTo(new PaceLimit(50, Duration.ofSeconds(10), 1));
  }

  @Test
  void aMisspelledOrImpossibleLimitFailsAtStartupNamingIt() {
    Throwable unknown = catchThrowable(() -> bind(Map.of("scim-playbook.pacing.limits.cato-audit.requests", "4"))
        .table());
    Throwable impossible = catchThrowable(() -> bind(Map.of(
        "scim-playbook.pacing.limits.cato-audit-feed.burst", "9")).table());

    assertThat(unknown).hasMessageContaining("scim-playbook.pacing.limits.cato-audit names no limit")
        .hasMessageContaining(PaceLimitTable.CATO_AUDIT_FEED);
    assertThat(impossible).hasMessageContaining("scim-playbook.pacing.limits.cato-audit-feed")
        .hasMessageContaining("burst must be between 1 and 5");
  }

  @Test
  void offMeansEachWorkerPacesAloneWithoutLimiterWorkflows() {
    PacingProperties p = bind(Map.of("scim-playbook.pacing.enabled", "false"));

    assertThat(p.pacer(null, Clock.systemUTC())).isInstanceOf(LocalPacer.class);
  }
}
