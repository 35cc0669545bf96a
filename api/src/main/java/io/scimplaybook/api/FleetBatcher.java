package io.scimplaybook.api;

import io.scimplaybook.api.fleet.FleetBatch;
import io.scimplaybook.api.fleet.FleetSighting;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Group commit of sightings, one per worker: when a provider fails, a thousand runs report within seconds, and a
 * thousand signals would keep the fleet watch from ever completing a workflow task without a new signal racing it, so
 * it could not continue as new until the storm paused. The first caller of a round waits {@code linger} for others
 * and sends them all in one signal; the rest wait for that signal. No thread of its own: the callers are activities.
 */
public final class FleetBatcher {

  public static final Duration DEFAULT_LINGER = Duration.ofMillis(200);

  private final WorkflowClient client;
  private final Duration linger;
  private Round open;

  public FleetBatcher(WorkflowClient client, Duration linger) {
    this.client = client;
    this.linger = linger;
  }

  private static final class Round {
    final List<FleetSighting> sightings = new ArrayList<>();
    final CompletableFuture<Void> sent = new CompletableFuture<>();
  }

  /** Delivers the sighting in a round's signal, then waits up to {@code wait} for the watch's verdict on it. */
  public FleetVerdict report(FleetSighting sighting, Duration wait) {
    submit(sighting);
    return FleetReporting.verdict(client, sighting, wait);
  }

  /** Returns once the signal carrying {@code sighting} is in the watch's history; throws if it could not be sent. */
  public void submit(FleetSighting sighting) {
    Round round;
    boolean leader;
    synchronized (this) {
      leader = open == null;
      if (leader) {
        open = new Round();
      }
      round = open;
      round.sightings.add(sighting);
      if (round.sightings.size() >= FleetBatch.MAX_SIGHTINGS) {
        // Full: the next caller starts another round; this one's leader sends it as it is.
        open = null;
      }
    }
    if (leader) {
      sleep(linger);
      List<FleetSighting> batch;
      synchronized (this) {
        if (open == round) {
          open = null;
        }
        batch = List.copyOf(round.sightings);
      }
      try {
        FleetReporting.deliver(client, new FleetBatch(batch));
        round.sent.complete(null);
      } catch (RuntimeException e) {
        round.sent.completeExceptionally(e);
      }
    }
    try {
      round.sent.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
