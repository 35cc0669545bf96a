package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.FleetBatcher;
import io.scimplaybook.api.FleetReporting;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.fleet.FleetBatch;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetSighting;
import io.scimplaybook.api.fleet.FleetStatus;
import io.scimplaybook.api.fleet.ReasonKey;
import io.scimplaybook.api.fleet.SourceFailure;
import io.temporal.api.history.v1.History;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A provider outage seen by a thousand sources at once: one incident, every sighting counted once, and the watch's
 * history bounded by continue-as-new carrying its state.
 */
class FleetWatchFloodTest {
  private static final int SIGHTINGS = 1_000;
  /** The lowest limit the settings take, so that a thousand sightings need several runs of the watch. */
  private static final int HISTORY_LIMIT = 100;
  /** Activities reporting at the same time on one worker. */
  private static final int REPORTERS = 50;

  private static FleetSighting sighting(int i, FleetSettings settings) {
    String account = String.valueOf(1_000 + i / 20);
    String source = String.valueOf(i % 20);
    String reason = "Provisioning failed: HTTP 503 (request " + Integer.toHexString(i * 7919) + ")";
    SourceFailure failure = new SourceFailure(PlaybookIds.workflowId(account, source), account, source, "ENTRA_ID",
        "tenant-" + account, reason, Instant.parse("2026-11-29T06:00:00Z"));
    return new FleetSighting("s-" + i, failure, ReasonKey.of(reason), settings);
  }

  @Test
  void aThousandSightingsAtOnceAreOneIncidentInAFewSignals() throws Exception {
    FleetSettings settings = new FleetSettings(true, 5, Duration.ofMinutes(15), Duration.ofMinutes(45),
        Duration.ofHours(4), true, HISTORY_LIMIT);
    try (FleetTestEnvironment t = new FleetTestEnvironment(settings)) {
      FleetBatcher batcher = new FleetBatcher(t.client, FleetBatcher.DEFAULT_LINGER);
      ExecutorService reporters = Executors.newFixedThreadPool(REPORTERS);
      long began = System.nanoTime();
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < SIGHTINGS; i++) {
        FleetSighting s = sighting(i, settings);
        sent.add(reporters.submit(() -> batcher.submit(s)));
      }
      // Retried activities send their sightings again: counted once.
      for (int i = 0; i < 20; i++) {
        FleetSighting s = sighting(i, settings);
        sent.add(reporters.submit(() -> batcher.submit(s)));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      reporters.shutdown();
      long delivered = System.nanoTime();

      FleetStatus fleet = t.awaitFleet(f -> f.sightings() == SIGHTINGS && f.open().size() == 1
          && f.open().get(0).incident().affectedSources() == SIGHTINGS, "every sighting counted in one incident");
      long counted = System.nanoTime();
      List<Long> lengths = historyLengths(t);
      System.out.printf("fleet flood: %d sightings from %d reporters delivered in %d ms, all counted after %d ms; "
          + "history lengths of the watch's runs %s%n", SIGHTINGS, REPORTERS, (delivered - began) / 1_000_000,
          (counted - began) / 1_000_000, lengths);

      FleetIncident incident = fleet.open().get(0).incident();
      // Account 1000's sources made a tenant incident first; the first source elsewhere made it one across accounts,
      // which took the tenant's over.
      assertThat(incident.scope()).isEqualTo(FleetScope.ACROSS_ACCOUNTS);
      assertThat(incident.key()).isEqualTo("provisioning failed http request");
      assertThat(fleet.open().get(0).affected()).hasSize(SIGHTINGS);
      // One signal a round per worker: a thousand single signals would be over a thousand events in one run, which
      // could not even continue as new while they kept coming (each completion raced by the next signal).
      assertThat(lengths.stream().mapToLong(Long::longValue).sum()).isLessThan(SIGHTINGS / 4);
    }
  }

  @Test
  void theWatchContinuesAsNewPastItsLimitCarryingEveryIncidentAndMark() {
    FleetSettings settings = new FleetSettings(true, 5, Duration.ofMinutes(15), Duration.ofMinutes(45),
        Duration.ofHours(4), true, HISTORY_LIMIT);
    try (FleetTestEnvironment t = new FleetTestEnvironment(settings)) {
      int perSignal = 20;
      for (int first = 0; first < SIGHTINGS; first += perSignal) {
        List<FleetSighting> batch = new ArrayList<>();
        for (int i = first; i < first + perSignal; i++) {
          batch.add(sighting(i, settings));
        }
        FleetReporting.deliver(t.client, new FleetBatch(batch));
        // About as often as one worker's rounds come (FleetBatcher.DEFAULT_LINGER).
        sleep(Duration.ofMillis(100));
      }
      t.awaitFleet(f -> f.sightings() == SIGHTINGS, "every sighting counted");
      // Sent again after the watch has continued as new: the carried ids still count them once.
      FleetReporting.deliver(t.client, new FleetBatch(List.of(sighting(0, settings), sighting(1, settings))));

      FleetStatus fleet = t.awaitFleet(f -> f.open().size() == 1
          && f.open().get(0).incident().affectedSources() == SIGHTINGS, "one incident with every source");
      List<Long> lengths = historyLengths(t);
      System.out.printf("fleet carry-over: history lengths of the watch's runs %s%n", lengths);
      assertThat(fleet.sightings()).isEqualTo(SIGHTINGS);
      assertThat(fleet.trackedSources()).isEqualTo(SIGHTINGS);
      assertThat(fleet.open().get(0).affected()).hasSize(SIGHTINGS);
      assertThat(fleet.continuedRuns()).as("continued as new").isGreaterThanOrEqualTo(2);
      assertThat(lengths).hasSize(fleet.continuedRuns() + 1);
      // Checked once a workflow task: a run ends past the limit only by what arrived during its last task.
      assertThat(lengths).allMatch(length -> length <= HISTORY_LIMIT + 10L);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every run of the watch, newest first: the open one, then back along the continue-as-new chain. */
  private static List<Long> historyLengths(FleetTestEnvironment t) {
    List<Long> lengths = new ArrayList<>();
    String runId = null;
    while (true) {
      History history = runId == null ? t.client.fetchHistory(PlaybookIds.FLEET_WORKFLOW_ID).getHistory()
          : t.client.fetchHistory(PlaybookIds.FLEET_WORKFLOW_ID, runId).getHistory();
      lengths.add((long) history.getEventsCount());
      runId = history.getEvents(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      if (runId.isEmpty()) {
        return lengths;
      }
    }
  }
}
