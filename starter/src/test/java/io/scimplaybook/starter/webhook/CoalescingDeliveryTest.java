package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.starter.DeliveryProperties;
import io.scimplaybook.starter.PlaybookProperties;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook's door under a flood for one run: concurrent events share signals (group commit), each caller is answered
 * only once Temporal has answered a signal carrying its own event, and a full queue refuses at once, sending nothing.
 */
class CoalescingDeliveryTest {

  static final TemporalTestServer temporal = TemporalTestServer.start();

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @Test
  void twoHundredConcurrentEventsForOneRunBecomeAFewSignalsAndEachCallerReturnsOnlyOnceItsEventIsIn() throws Exception {
    Set<String> confirmed = ConcurrentHashMap.newKeySet();
    PlaybookStarter starter = new PlaybookStarter(confirmingClient(confirmed), defaults());
    String workflowId = PlaybookIds.workflowId("8100", "flood");
    int callers = 200;
    ExecutorService senders = Executors.newFixedThreadPool(callers);
    CountDownLatch go = new CountDownLatch(1);
    Queue<String> problems = new ConcurrentLinkedQueue<>();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      String eventId = "flood-ev-" + i;
      done.add(senders.submit(() -> {
        go.await();
        AcceptedEvent accepted = starter.accept(event("8100", "flood", eventId));
        // Returned: Temporal must already have answered the signal that carried this event.
        if (!accepted.workflowId().equals(workflowId) || !confirmed.contains(eventId)) {
          problems.add(eventId + " answered before Temporal took it");
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    senders.shutdown();

    assertThat(problems).isEmpty();
    assertThat(temporal.awaitReceived(workflowId, l -> l.failures().size() == callers).failures()).hasSize(callers);
    long signals = signals(workflowId);
    assertThat(starter.eventsSent()).isEqualTo(callers);
    assertThat(starter.signalsSent()).isEqualTo(signals);
    assertThat(signals).as("signals for %d concurrent events", callers).isLessThanOrEqualTo(callers / 5);
    System.out.printf("coalescing: %d concurrent events for one run arrived in %d signals%n", callers, signals);
  }

  @Test
  void aFullQueueRefusesTheEventAtOnceAndSendsNothingOfIt() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PlaybookStarter starter = new PlaybookStarter(heldClient(inFlight, release), defaults(),
        new DeliveryProperties(10, 1, Duration.ZERO, Duration.ofSeconds(2)));
    ExecutorService senders = Executors.newFixedThreadPool(2);
    Future<AcceptedEvent> first = senders.submit(() -> starter.accept(event("8101", "full", "full-1")));
    assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
    Future<AcceptedEvent> second = senders.submit(() -> starter.accept(event("8101", "full", "full-2")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (starter.queued() < 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(starter.queued()).as("the second event waits behind the first").isEqualTo(1);

    assertThatThrownBy(() -> starter.accept(event("8101", "full", "full-3")))
        .isInstanceOf(QueueFullException.class)
        .hasMessageContaining("limit 1")
        .satisfies(e -> assertThat(((QueueFullException) e).retryAfterSeconds()).isEqualTo(2));

    release.countDown();
    first.get(30, TimeUnit.SECONDS);
    second.get(30, TimeUnit.SECONDS);
    senders.shutdown();
    // Signals show in the test server's history once the workflow task running meanwhile completes.
    String workflowId = PlaybookIds.workflowId("8101", "full");
    assertThat(temporal.awaitReceived(workflowId, l -> l.failures().size() == 2).failures())
        .extracting(ScimFailureEvent::eventId).containsExactly("full-1", "full-2");
    assertThat(signalled(workflowId)).doesNotContain("full-3");
  }

  /** Signal payloads of the run's history, as text. */
  private static String signalled(String workflowId) {
    StringBuilder text = new StringBuilder();
    for (HistoryEvent e : temporal.client().fetchHistory(workflowId).getEvents()) {
      if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
        e.getWorkflowExecutionSignaledEventAttributes().getInput().getPayloadsList()
            .forEach(p -> text.append(p.getData().toStringUtf8()).append('\n'));
      }
    }
    return text.toString();
  }

  private static long signals(String workflowId) {
    return temporal.client().fetchHistory(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED).count();
  }

  /** A client that notes the event ids of every signal Temporal has answered. */
  private static WorkflowClient confirmingClient(Set<String> confirmed) {
    WorkflowClientInterceptorBase noter = new WorkflowClientInterceptorBase() {
      @Override
      public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
          @Override
          public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
            WorkflowSignalWithStartOutput out = super.signalWithStart(input);
            note(input.getSignalArguments(), confirmed);
            return out;
          }

          @Override
          public WorkflowSignalOutput signal(WorkflowSignalInput input) {
            WorkflowSignalOutput out = super.signal(input);
            note(input.getArguments(), confirmed);
            return out;
          }
        };
      }
    };
    return WorkflowClient.newInstance(temporal.env().getWorkflowServiceStubs(), WorkflowClientOptions.newBuilder()
        .setNamespace(TemporalTestServer.NAMESPACE).setInterceptors(noter).build());
  }

  private static void note(Object[] args, Set<String> confirmed) {
    for (Object a : args) {
      if (a instanceof ScimFailureEvent e) {
        confirmed.add(e.eventId());
      } else if (a instanceof FailureBatch b) {
        b.events().forEach(e -> confirmed.add(e.eventId()));
      }
    }
  }

  /** A client whose first signal-with-start waits until released, so that later events must queue. */
  private static WorkflowClient heldClient(CountDownLatch inFlight, CountDownLatch release) {
    WorkflowClientInterceptorBase holder = new WorkflowClientInterceptorBase() {
      @Override
      public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
          @Override
          public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
            inFlight.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.signalWithStart(input);
          }
        };
      }
    };
    return WorkflowClient.newInstance(temporal.env().getWorkflowServiceStubs(), WorkflowClientOptions.newBuilder()
        .setNamespace(TemporalTestServer.NAMESPACE).setInterceptors(holder).build());
  }

  private static PlaybookProperties defaults() {
    PlaybookOptions d = PlaybookOptions.defaults();
    return new PlaybookProperties(d.monitoringWindow(), d.approvalTimeout(), d.reminderInterval(), d.auditWindow(),
        d.verificationLookback(), d.maxCycles(), d.maxTokenAttempts(), d.recoveryProofBound(), true,
        d.maxClaimReopens());
  }

  private static ScimFailureEvent event(String accountId, String sourceId, String eventId) {
    return new ScimFailureEvent(accountId, sourceId, Instant.parse("2025-06-01T08:30:00Z"), "invalid credentials",
        null, ScimFailureEvent.ORIGIN_WEBHOOK, eventId);
  }
}
