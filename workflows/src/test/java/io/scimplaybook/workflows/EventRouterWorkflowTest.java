package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.EventRouterWorkflow;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookDelivery.Delivered;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.activities.RoutingActivities;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.RouterInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.activity.Activity;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-account router on the time-skipping test server: drains, completes when idle, loses nothing. */
class EventRouterWorkflowTest {
  private static final String ACCOUNT = "4242";
  private static final String ROUTER = PlaybookIds.routerWorkflowId(ACCOUNT);

  /** Records every batch and the router run that sent it; optionally signals one more event during the first batch. */
  static class FakeRouting implements RoutingActivities {
    final List<List<ScimFailureEvent>> batches = new CopyOnWriteArrayList<>();
    final List<String> runIds = new CopyOnWriteArrayList<>();
    volatile WorkflowClient signalDuringFirstBatch;

    @Override
    public List<String> route(String accountId, List<ScimFailureEvent> events, PlaybookOptions playbook) {
      runIds.add(Activity.getExecutionContext().getInfo().getRunId());
      batches.add(List.copyOf(events));
      WorkflowClient client = signalDuringFirstBatch;
      if (client != null && batches.size() == 1) {
        client.newWorkflowStub(EventRouterWorkflow.class, ROUTER).failureReported(event("during-batch"));
      }
      return events.stream().map(e -> PlaybookIds.workflowId(accountId, "7")).distinct().toList();
    }
  }

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final WorkflowClient client = env.getWorkflowClient();
  private final FakeRouting routing = new FakeRouting();

  EventRouterWorkflowTest() {
    Worker worker = env.newWorker(PlaybookIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Throwable.class).build(),
        EventRouterWorkflowImpl.class);
    worker.registerActivitiesImplementations(routing);
    env.start();
  }

  @AfterEach
  void close() {
    env.close();
  }

  static ScimFailureEvent event(String id) {
    return new ScimFailureEvent(ACCOUNT, null, Instant.parse("2026-11-29T06:00:00Z"), "401", null,
        ScimFailureEvent.ORIGIN_WEBHOOK, id, null, "SCIM provisioning from Entra ID failed");
  }

  private void awaitCompletion() {
    WorkflowStub.fromTyped(client.newWorkflowStub(EventRouterWorkflow.class, ROUTER)).getResult(Void.class);
  }

  private List<String> routedIds() {
    return routing.batches.stream().flatMap(List::stream).map(ScimFailureEvent::eventId).toList();
  }

  @Test
  void anEventWithoutASourceGoesToTheRouterWhichDrainsItAndCompletesWhenIdle() {
    Delivered first = PlaybookDelivery.deliver(client, event("e1"), PlaybookOptions.defaults());
    Delivered second = PlaybookDelivery.deliver(client, event("e2"), PlaybookOptions.defaults());

    assertThat(first.workflowId()).isEqualTo(ROUTER);
    awaitCompletion();

    assertThat(routedIds()).containsExactly("e1", "e2");
    assertThat(routing.runIds).containsOnly(first.runId());
    assertThat(second.runId()).as("joined, not duplicated").isEqualTo(first.runId());
    assertThat(client.newWorkflowStub(EventRouterWorkflow.class, ROUTER).status().eventsRouted()).isEqualTo(2);
  }

  /** A hand-sent null or malformed event once broke the router's batch (List.copyOf(null)) and every event behind it. */
  @Test
  void malformedEventsSignalledToTheRouterAreIgnoredAndTheRestAreRouted() {
    PlaybookDelivery.deliver(client, event("e1"), PlaybookOptions.defaults());
    EventRouterWorkflow router = client.newWorkflowStub(EventRouterWorkflow.class, ROUTER);
    router.failureReported(null);
    router.failureReported(new ScimFailureEvent("not-a-cato-account", null, null, "401", null,
        ScimFailureEvent.ORIGIN_WEBHOOK, "bad-1"));
    router.failureReported(event("e2"));
    awaitCompletion();

    assertThat(routedIds()).containsExactly("e1", "e2");
  }

  @Test
  void anEventDuringTheIdleWaitIsRoutedByTheSameRun() {
    Delivered first = PlaybookDelivery.deliver(client, event("e1"), PlaybookOptions.defaults());
    env.sleep(RouterInput.DEFAULT_IDLE_TIMEOUT.minusSeconds(10));
    Delivered later = PlaybookDelivery.deliver(client, event("e2"), PlaybookOptions.defaults());
    awaitCompletion();

    assertThat(later.runId()).isEqualTo(first.runId());
    assertThat(routedIds()).containsExactly("e1", "e2");
  }

  @Test
  void anEventAfterTheRouterCompletedStartsANewRouterAndIsNotLost() {
    Delivered first = PlaybookDelivery.deliver(client, event("e1"), PlaybookOptions.defaults());
    awaitCompletion();

    Delivered late = PlaybookDelivery.deliver(client, event("late"), PlaybookOptions.defaults());
    assertThat(late.runId()).isNotEqualTo(first.runId());
    WorkflowStub.fromTyped(client.newWorkflowStub(EventRouterWorkflow.class, ROUTER)).getResult(Void.class);

    assertThat(routedIds()).containsExactly("e1", "late");
    assertThat(routing.runIds).containsExactly(first.runId(), late.runId());
  }

  @Test
  void afterItsBatchesItContinuesAsNewCarryingWhatArrivedMeanwhile() {
    routing.signalDuringFirstBatch = client;
    EventRouterWorkflow router = client.newWorkflowStub(EventRouterWorkflow.class,
        io.scimplaybook.api.PlaybookStartOptions.forRouter(ACCOUNT));
    BatchRequest start = client.newSignalWithStartRequest();
    start.add(router::run, new RouterInput(ACCOUNT, PlaybookOptions.defaults(), List.of(), 0, Duration.ofMinutes(1), 1));
    start.add(router::failureReported, event("e1"));
    String firstRun = client.signalWithStart(start).getRunId();

    awaitCompletion();

    assertThat(routedIds()).containsExactly("e1", "during-batch");
    assertThat(routing.runIds).hasSize(2);
    assertThat(routing.runIds.get(0)).isEqualTo(firstRun);
    assertThat(routing.runIds.get(1)).as("the event signalled during the batch went on in the next run")
        .isNotEqualTo(firstRun);
    assertThat(client.newUntypedWorkflowStub(ROUTER, java.util.Optional.of(firstRun), java.util.Optional.empty())
        .describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
  }
}
