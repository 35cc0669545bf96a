package io.scimplaybook.starter.webhook;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookDelivery.Delivered;
import io.scimplaybook.api.CoalescingDelivery;
import io.scimplaybook.api.DeliveryQueueFullException;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.starter.DeliveryProperties;
import io.scimplaybook.starter.PlaybookProperties;
import io.scimplaybook.starter.TemporalCallBudget;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The webhook's side of {@link PlaybookDelivery}: an event is either delivered to the run of its (account, source), or,
 * when it names no source, to its account's event router (the 202 names whichever holds it), or refused with an exception the servlet turns into an answer; it is never dropped.
 */
@Service
public class PlaybookStarter {

  private static final Logger log = LoggerFactory.getLogger(PlaybookStarter.class);
  private static final TemporalCallBudget DEFAULT_BUDGET = new TemporalCallBudget(Duration.ofSeconds(10));

  private final PlaybookProperties playbook;
  private final CoalescingDelivery delivery;
  private final long retryAfterSeconds;
  private final TemporalCallBudget budget;

  /** With the default budget (temporal-timeout PT10S) and coalescing settings. */
  public PlaybookStarter(WorkflowClient client, PlaybookProperties playbook) {
    this(client, playbook, DEFAULT_BUDGET, DeliveryProperties.defaults());
  }

  public PlaybookStarter(WorkflowClient client, PlaybookProperties playbook, TemporalCallBudget budget) {
    this(client, playbook, budget, DeliveryProperties.defaults());
  }

  public PlaybookStarter(WorkflowClient client, PlaybookProperties playbook, DeliveryProperties coalescing) {
    this(client, playbook, DEFAULT_BUDGET, coalescing);
  }

  @Autowired
  public PlaybookStarter(WorkflowClient client, PlaybookProperties playbook, TemporalCallBudget budget,
      DeliveryProperties coalescing) {
    this.playbook = playbook;
    this.budget = budget;
    // Concurrent events for one run share a signal, so a flood is not one history event per event (README, "Floods").
    this.delivery = new CoalescingDelivery(client, coalescing.maxQueued(), coalescing.maxQueuedPerRun(),
        coalescing.minSpacing());
    this.retryAfterSeconds = Math.max(1, (coalescing.retryAfter().toMillis() + 999) / 1000);
  }

  /** Signals sent to runs and routers, and the events they carried: the coalescing at work. */
  public long signalsSent() {
    return delivery.signalsSent();
  }

  public long eventsSent() {
    return delivery.eventsSent();
  }

  /** Events waiting for Temporal now. */
  int queued() {
    return delivery.queued();
  }

  public AcceptedEvent accept(ScimFailureEvent event) {
    // An event without a source goes to its account's router, which has the worker attribute it (PlaybookDelivery).
    String workflowId = PlaybookDelivery.targetId(event);
    try {
      // Every call of the delivery (a lost start race makes two, a coalesced event waits for the signal carrying it)
      // shares one deadline: 503 within temporal-timeout.
      Delivered delivered = budget.call(() -> delivery.deliver(event, playbook.toOptions()));
      log.info("failure event ({}) delivered to {} run {}{}", event.origin(), workflowId, delivered.runId(),
          delivered.afterConcurrentStart() ? " by signal after a concurrent start" : "");
      return new AcceptedEvent(workflowId, emptyToNull(delivered.runId()));
    } catch (DeliveryQueueFullException e) {
      log.warn("failure event for {} refused (429): {}", workflowId, e.getMessage());
      throw new QueueFullException(e.getMessage(), retryAfterSeconds, e);
    } catch (WorkflowNotFoundException e) {
      // The run closed between the lost start and the signal: refuse rather than guess, the sender's retry starts a
      // fresh run.
      throw new TemporalUnavailableException(
          "the playbook run " + workflowId + " closed while this event arrived; the event was not accepted, send it again",
          e);
    } catch (RuntimeException e) {
      throw unavailableOr(e, workflowId);
    }
  }

  private static RuntimeException unavailableOr(RuntimeException e, String workflowId) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        Status.Code code = grpc.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
          log.warn("Temporal unreachable, failure event for {} refused: {}", workflowId, code);
          return new TemporalUnavailableException(
              "Temporal is unreachable (" + code + "); the event was not accepted, send it again later", e);
        }
        break;
      }
    }
    return e;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
