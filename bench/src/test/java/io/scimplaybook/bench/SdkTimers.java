package io.scimplaybook.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal SDK's own workflow-task timers in the worker's Micrometer registry (what /actuator/prometheus shows):
 * count and mean over the whole benchmark, and the largest "max" seen (Micrometer's max decays after two minutes, so
 * it is sampled while the benchmark runs).
 */
final class SdkTimers {
  static final String SCHEDULE_TO_START = "temporal_workflow_task_schedule_to_start_latency";
  static final String EXECUTION = "temporal_workflow_task_execution_latency";

  private final MeterRegistry registry;
  private final Map<String, Double> maxMillis = new LinkedHashMap<>();

  SdkTimers(MeterRegistry registry) {
    this.registry = registry;
  }

  void sample() {
    for (String name : new String[] {SCHEDULE_TO_START, EXECUTION}) {
      for (Timer t : registry.find(name).timers()) {
        maxMillis.merge(name, t.max(TimeUnit.MILLISECONDS), Math::max);
      }
    }
  }

  /** Per timer: count, mean and max in ms; "not available" when the SDK registered no such timer. */
  Map<String, Object> summary() {
    sample();
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : new String[] {SCHEDULE_TO_START, EXECUTION}) {
      long count = 0;
      double total = 0;
      for (Timer t : registry.find(name).timers()) {
        count += t.count();
        total += t.totalTime(TimeUnit.MILLISECONDS);
      }
      if (count == 0) {
        out.put(name, "not available");
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("count", count);
      m.put("mean_ms", Math.round(total / count));
      m.put("max_ms", Math.round(maxMillis.getOrDefault(name, 0.0)));
      out.put(name, m);
    }
    return out;
  }
}
