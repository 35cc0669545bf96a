package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.fail;

import io.scimplaybook.api.FleetWatchWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetStatus;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Instant;
import java.util.function.Predicate;

/** A time-skipping server with the playbook and the fleet watch on fake activities; many runs, one watch. */
final class FleetTestEnvironment implements AutoCloseable {
  final TestWorkflowEnvironment env;
  final WorkflowClient client;
  final FakeActivities fake = new FakeActivities();

  FleetTestEnvironment(FleetSettings settings) {
    env = TestWorkflowEnvironment.newInstance();
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // Several runs' first workflow tasks at once in a cold JVM on a busy machine took over the default second, and
    // the deadlock detector's exception failed a run (every Throwable does, below); ten seconds is still a hang.
    Worker worker = env.newWorker(PlaybookIds.TASK_QUEUE,
        WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(10_000).build());
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Throwable.class).build(),
        ScimPlaybookWorkflowImpl.class, FleetWatchWorkflowImpl.class);
    worker.registerActivitiesImplementations(fake.all());
    fake.clock = () -> Instant.ofEpochMilli(env.currentTimeMillis());
    fake.fleetSettings = settings;
    env.start();
    client = env.getWorkflowClient();
    fake.fleetClient = client;
  }

  /** Starts the run of account/source with a failure event, as the starter does. */
  String start(String account, String source, String reason) {
    String id = PlaybookIds.workflowId(account, source);
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(stub::run, new PlaybookInput(account, source, PlaybookOptions.defaults()));
    request.add(stub::failureReported, new ScimFailureEvent(account, source, Instant.parse("2026-11-29T06:00:00Z"),
        reason, "story-" + account, ScimFailureEvent.ORIGIN_WEBHOOK));
    client.signalWithStart(request);
    return id;
  }

  PlaybookStatus status(String workflowId) {
    return client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).status();
  }

  PlaybookReport result(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId).getResult(PlaybookReport.class);
  }

  FleetStatus fleet() {
    return client.newWorkflowStub(FleetWatchWorkflow.class, PlaybookIds.FLEET_WORKFLOW_ID).status();
  }

  /** Queries until the run reaches a state; queries do not move the test server's clock. */
  PlaybookStatus awaitStatus(String workflowId, Predicate<PlaybookStatus> condition, String what) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    PlaybookStatus last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = status(workflowId);
      } catch (RuntimeException e) {
        // A run that failed (a bug in workflow code fails it here) cannot answer: say why it failed.
        return fail(workflowId + " cannot answer its status; its history ends with " + client.fetchHistory(workflowId)
            .getLastEvent(), e);
      }
      if (condition.test(last)) {
        return last;
      }
      sleep();
    }
    return fail(workflowId + " never reached: " + what + "; last status " + last);
  }

  FleetStatus awaitFleet(Predicate<FleetStatus> condition, String what) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    FleetStatus last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = fleet();
        if (condition.test(last)) {
          return last;
        }
      } catch (RuntimeException notYetStarted) {
        // The watch starts with the first sighting.
      }
      sleep();
    }
    return fail("the fleet watch never reached: " + what + "; last status " + last);
  }

  static boolean noted(PlaybookStatus s, String text) {
    return s.timeline().stream().anyMatch(e -> e.text().contains(text));
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    env.close();
  }
}
