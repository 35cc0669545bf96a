package io.scimplaybook.bench;

import io.scimplaybook.sandbox.FleetPlan;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark's settings, from {@code -Dbench.*} (defaults in bench/pom.xml). The playbook's own durations are
 * shortened so a run takes minutes: the monitoring window (production: one hour) and the recovery-proof timeout
 * (production: four hours); nothing else of the playbook or the worker is changed.
 *
 * @param incident how long the provider-side incident lasts from the first event; null: {@link #incidentFor}
 * @param timeout when the harness stops waiting, from the first event; null: {@link #timeoutFor}
 */
record BenchSettings(
    FleetPlan plan, Duration spread, Duration incident, Duration monitoringWindow, Duration recoveryTimeout,
    Duration timeout, Path out) {

  static BenchSettings fromSystemProperties() {
    FleetPlan plan = new FleetPlan(
        integer("bench.accounts", 20), integer("bench.sources", 5), integer("bench.failing", 100),
        integer("bench.token-mismatch-accounts", 1), integer("bench.config-change-accounts", 1));
    return new BenchSettings(plan, duration("bench.spread", "PT1M"), durationOrAuto("bench.incident"),
        duration("bench.monitoring-window", "PT1M"), duration("bench.recovery-timeout", "PT3M"),
        durationOrAuto("bench.timeout"), Path.of(System.getProperty("bench.out", "target/fleet-benchmark")));
  }

  /**
   * By default the incident outlasts the rate limits' lower bound by two minutes (at least five minutes), so that on
   * today's code every provider-incident run meets it: the point is what runs do while a shared cause lasts.
   */
  Duration incidentFor(Duration lowerBound) {
    if (incident != null) {
      return incident;
    }
    Duration auto = lowerBound.plusMinutes(2);
    return auto.compareTo(Duration.ofMinutes(5)) < 0 ? Duration.ofMinutes(5) : auto;
  }

  /** Enough for the last diagnosis at three times the bound and for the real fixes' monitoring and proof after it. */
  Duration timeoutFor(Duration lowerBound, Duration incidentLength) {
    if (timeout != null) {
      return timeout;
    }
    Duration diagnoses = lowerBound.multipliedBy(3).plus(spread);
    Duration longest = diagnoses.compareTo(incidentLength) > 0 ? diagnoses : incidentLength;
    return longest.plus(monitoringWindow).plus(recoveryTimeout).plusMinutes(3);
  }

  private static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    try {
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + name + " must be a whole number, got '" + value + "'", e);
    }
  }

  private static Duration duration(String name, String fallback) {
    String value = System.getProperty(name);
    String text = value == null || value.isBlank() ? fallback : value.trim();
    try {
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("-D" + name + " must be an ISO-8601 duration such as PT5M, got '" + text
          + "'", e);
    }
  }

  private static Duration durationOrAuto(String name) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() || value.trim().equals("auto") ? null : duration(name, value);
  }
}
