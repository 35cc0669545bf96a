package io.scimplaybook.workflows;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tally reporter that keeps what the worker's metrics scope reports, for tests to read. */
final class CapturedMetrics implements StatsReporter {

  /** One report: a counter's increment or a timer's duration in milliseconds. */
  record Sample(String name, Map<String, String> tags, long value) {}

  final List<Sample> counters = new CopyOnWriteArrayList<>();
  final List<Sample> timers = new CopyOnWriteArrayList<>();

  /** The sum of a counter's increments over every tag set that contains {@code tags}. */
  long count(String name, Map<String, String> tags) {
    return counters.stream().filter(s -> matches(s, name, tags)).mapToLong(Sample::value).sum();
  }

  /** The durations (ms) a timer recorded with tag sets that contain {@code tags}. */
  List<Long> durations(String name, Map<String, String> tags) {
    return timers.stream().filter(s -> matches(s, name, tags)).map(Sample::value).toList();
  }

  private static boolean matches(Sample s, String name, Map<String, String> tags) {
    return s.name().equals(name) && s.tags().entrySet().containsAll(tags.entrySet());
  }

  @Override
  public void reportCounter(String name, Map<String, String> tags, long value) {
    counters.add(new Sample(name, Map.copyOf(tags), value));
  }

  @Override
  public void reportTimer(String name, Map<String, String> tags, Duration interval) {
    timers.add(new Sample(name, Map.copyOf(tags), interval.toMillis()));
  }

  @Override
  public void reportGauge(String name, Map<String, String> tags, double value) {}

  @Override
  public void reportHistogramValueSamples(String name, Map<String, String> tags, Buckets buckets,
      double bucketLowerBound, double bucketUpperBound, long samples) {}

  @Override
  public void reportHistogramDurationSamples(String name, Map<String, String> tags, Buckets buckets,
      Duration bucketLowerBound, Duration bucketUpperBound, long samples) {}

  @Override
  public Capabilities capabilities() {
    return CapableOf.REPORTING_TAGGING;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
