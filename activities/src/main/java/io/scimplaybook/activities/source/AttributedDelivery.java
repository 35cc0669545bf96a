package io.scimplaybook.activities.source;

import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker-side delivery of failure events: each event is attributed ({@link SourceAttribution}) and signalled-with-start
 * into the run of every source it belongs to, through {@link PlaybookDelivery} with the source id set. Shared by the
 * events-feed poller's deliver activity and the event router's route activity, so both paths attribute alike.
 */
public final class AttributedDelivery {

  /** Signals in flight at once, shared by every poller and router this worker hosts; each is one short gRPC call. */
  static final int DELIVERY_THREADS = 8;

  private final SourceAttribution attribution;
  private final WorkflowClient temporal;
  private final ExecutorService senders;

  public AttributedDelivery(SourceAttribution attribution, WorkflowClient temporal) {
    this.attribution = attribution;
    this.temporal = temporal;
    AtomicInteger threads = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(DELIVERY_THREADS, task -> {
      Thread t = new Thread(task, "event-delivery-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public SourceAttribution attribution() {
    return attribution;
  }

  /**
   * Delivers every event to each run it belongs to, or throws (the caller retries the whole batch; the runs count a
   * repeated event id once). Returns the workflow ids reached, in first-delivery order.
   */
  public List<String> deliver(List<ScimFailureEvent> events, PlaybookOptions playbook) {
    Map<String, List<ScimFailureEvent>> byRun = new LinkedHashMap<>();
    for (ScimFailureEvent event : events) {
      for (ScimFailureEvent attributed : attribution.attributed(event)) {
        byRun.computeIfAbsent(PlaybookIds.workflowId(attributed.accountId(), attributed.sourceId()),
            id -> new ArrayList<>()).add(attributed);
      }
    }
    // One run's events go in one signal (or a few, at most FailureBatch.MAX_EVENTS each), in order; different runs go
    // side by side. One signal per event made a page one history event per record in its run, so a flood in the feed
    // was a flood in the run's history.
    List<Future<?>> sent = new ArrayList<>();
    for (List<ScimFailureEvent> run : byRun.values()) {
      // A run that closed meanwhile fails this attempt; the caller's retry starts a fresh one.
      sent.add(senders.submit(() -> run.size() == 1 ? PlaybookDelivery.deliver(temporal, run.get(0), playbook)
          : PlaybookDelivery.deliverAll(temporal, run, playbook)));
    }
    RuntimeException failure = null;
    for (Future<?> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException("delivery failed", e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while delivering failure events", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return List.copyOf(byRun.keySet());
  }
}
