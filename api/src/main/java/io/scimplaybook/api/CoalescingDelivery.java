package io.scimplaybook.api;

import io.scimplaybook.api.PlaybookDelivery.Delivered;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link PlaybookDelivery} for callers that each hold one event and many of them at once (the webhook): a group commit
 * per run. While a signal to a run is in flight, later events for that run queue; when it returns, the caller at the
 * head of the queue sends every queued event (up to {@link FailureBatch#MAX_EVENTS}) in one {@code failuresReported}
 * signal. Each caller returns only once a signal carrying its own event succeeded, so "returned" keeps meaning "in
 * Temporal", and fails with that signal's exception otherwise. No thread of its own: the callers take turns sending.
 *
 * <p>Signals to one run are also spaced at least {@code minSpacing} apart: a sender that posts one event at a time as
 * fast as it can would otherwise still make one signal per event, back to back, and a run receiving signals without
 * a pause cannot close (a server refuses a continue-as-new while signals arrive that its task has not seen). So a
 * flood for one run becomes at most one signal per spacing from each starter, carrying everything that queued
 * meanwhile; an event for a quiet run goes at once.
 *
 * <p>Bounded: at most {@code maxQueued} events wait in all and {@code maxQueuedPerRun} for one run; past either, the
 * event is refused at once with {@link DeliveryQueueFullException} and nothing of it is sent.
 */
public final class CoalescingDelivery {

  public static final int DEFAULT_MAX_QUEUED = 10_000;
  public static final int DEFAULT_MAX_QUEUED_PER_RUN = 2_000;
  public static final Duration DEFAULT_MIN_SPACING = Duration.ofMillis(100);
  /** Idle lanes are forgotten once there are this many, so spacing state never grows without bound. */
  private static final int SWEEP_AT = 1_000;

  private final WorkflowClient client;
  private final int maxQueued;
  private final int maxQueuedPerRun;
  private final long minSpacingNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Lane> lanes = new HashMap<>();
  private int queued;
  private final AtomicLong signals = new AtomicLong();
  private final AtomicLong events = new AtomicLong();

  public CoalescingDelivery(WorkflowClient client) {
    this(client, DEFAULT_MAX_QUEUED, DEFAULT_MAX_QUEUED_PER_RUN, DEFAULT_MIN_SPACING);
  }

  public CoalescingDelivery(WorkflowClient client, int maxQueued, int maxQueuedPerRun, Duration minSpacing) {
    if (maxQueued < 1 || maxQueuedPerRun < 1) {
      throw new IllegalArgumentException("queue limits must be at least 1, got " + maxQueued + " and "
          + maxQueuedPerRun);
    }
    if (minSpacing == null || minSpacing.isNegative()) {
      throw new IllegalArgumentException("the spacing between signals must be zero or more, got " + minSpacing);
    }
    this.client = client;
    this.maxQueued = maxQueued;
    this.maxQueuedPerRun = maxQueuedPerRun;
    this.minSpacingNanos = minSpacing.toNanos();
  }

  /** One run's queue; {@code sending} while one of its callers has a signal in flight or waits for its spacing. */
  private final class Lane {
    final ArrayDeque<Pending> queue = new ArrayDeque<>();
    boolean sending;
    long lastSendNanos = System.nanoTime() - minSpacingNanos;
  }

  private final class Pending {
    final ScimFailureEvent event;
    final PlaybookOptions options;
    final Condition changed = lock.newCondition();
    boolean done;
    Delivered delivered;
    RuntimeException failure;

    Pending(ScimFailureEvent event, PlaybookOptions options) {
      this.event = event;
      this.options = options;
    }
  }

  /**
   * Delivers {@code event} with the events queued for its run, or throws: {@link DeliveryQueueFullException} when it
   * could not even be queued, otherwise what {@link PlaybookDelivery#deliverAll} threw for the signal that carried it.
   */
  public Delivered deliver(ScimFailureEvent event, PlaybookOptions options) {
    String target = PlaybookDelivery.targetId(event);
    Pending me = new Pending(event, options);
    lock.lock();
    try {
      if (queued >= maxQueued) {
        throw new DeliveryQueueFullException(queued + " failure events are waiting for Temporal already (limit "
            + maxQueued + "); this one was not accepted, send it again shortly");
      }
      if (lanes.size() >= SWEEP_AT) {
        long now = System.nanoTime();
        lanes.values().removeIf(l -> l.queue.isEmpty() && !l.sending && now - l.lastSendNanos >= minSpacingNanos);
      }
      Lane lane = lanes.computeIfAbsent(target, id -> new Lane());
      if (lane.queue.size() >= maxQueuedPerRun) {
        throw new DeliveryQueueFullException(lane.queue.size() + " failure events for " + target + " are waiting "
            + "for Temporal already (limit " + maxQueuedPerRun + "); this one was not accepted, send it again shortly");
      }
      lane.queue.add(me);
      queued++;
      while (!me.done) {
        if (!lane.sending && lane.queue.peek() == me) {
          sendBatch(lane);
        } else {
          me.changed.awaitUninterruptibly();
        }
      }
    } finally {
      lock.unlock();
    }
    if (me.failure != null) {
      throw me.failure;
    }
    return me.delivered;
  }

  /** Called holding the lock, by the caller at the head of an idle lane; sends without holding it. */
  private void sendBatch(Lane lane) {
    lane.sending = true;
    long wait = lane.lastSendNanos + minSpacingNanos - System.nanoTime();
    if (wait > 0) {
      // Too soon after the last signal to this run: let more events queue behind this one, then send them together.
      lock.unlock();
      try {
        LockSupport.parkNanos(wait);
      } finally {
        lock.lock();
      }
    }
    lane.lastSendNanos = System.nanoTime();
    List<Pending> batch = new ArrayList<>();
    while (!lane.queue.isEmpty() && batch.size() < FailureBatch.MAX_EVENTS) {
      batch.add(lane.queue.poll());
    }
    queued -= batch.size();
    List<ScimFailureEvent> sent = new ArrayList<>(batch.size());
    batch.forEach(p -> sent.add(p.event));
    Delivered delivered = null;
    RuntimeException failure = null;
    lock.unlock();
    try {
      delivered = batch.size() == 1 ? PlaybookDelivery.deliver(client, sent.get(0), batch.get(0).options)
          : PlaybookDelivery.deliverAll(client, sent, batch.get(0).options);
      signals.incrementAndGet();
      events.addAndGet(batch.size());
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      lock.lock();
    }
    lane.sending = false;
    for (Pending p : batch) {
      p.done = true;
      p.delivered = delivered;
      p.failure = failure;
      p.changed.signal();
    }
    // An idle lane stays a while to keep its spacing; the sweep above forgets it later.
    Pending next = lane.queue.peek();
    if (next != null) {
      next.changed.signal();
    }
  }

  /** Signals sent so far (each carrying one or more events). */
  public long signalsSent() {
    return signals.get();
  }

  /** Events those signals carried. */
  public long eventsSent() {
    return events.get();
  }

  /** Events waiting now, for every run. */
  public int queued() {
    lock.lock();
    try {
      return queued;
    } finally {
      lock.unlock();
    }
  }
}
