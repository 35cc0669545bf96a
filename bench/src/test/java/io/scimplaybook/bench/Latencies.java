package io.scimplaybook.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** p50, p95 and max of a set of durations, in milliseconds (nearest-rank percentiles). */
record Latencies(long count, long p50Millis, long p95Millis, long maxMillis) {

  static Latencies of(List<Duration> values) {
    if (values.isEmpty()) {
      return new Latencies(0, 0, 0, 0);
    }
    List<Long> ms = new ArrayList<>(values.size());
    values.forEach(d -> ms.add(d.toMillis()));
    Collections.sort(ms);
    return new Latencies(ms.size(), rank(ms, 0.50), rank(ms, 0.95), ms.get(ms.size() - 1));
  }

  private static long rank(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count);
    m.put("p50_ms", p50Millis);
    m.put("p95_ms", p95Millis);
    m.put("max_ms", maxMillis);
    return m;
  }

  @Override
  public String toString() {
    return "p50 " + p50Millis + " ms, p95 " + p95Millis + " ms, max " + maxMillis + " ms (" + count + " tasks)";
  }
}
