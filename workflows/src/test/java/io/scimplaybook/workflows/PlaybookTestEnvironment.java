package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.fail;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A time-skipping test server with the playbook worker on fake activities, and the ways tests drive a run. */
final class PlaybookTestEnvironment implements AutoCloseable {
  static final String ACCOUNT = "12345";
  static final String SOURCE = "7";
  static final String WORKFLOW_ID = PlaybookIds.workflowId(ACCOUNT, SOURCE);

  final TestWorkflowEnvironment env;
  final WorkflowClient client;
  final FakeActivities fake = new FakeActivities();

  PlaybookTestEnvironment() {
    this(UnaryOperator.identity());
  }

  /** @param wrapActivities lets a test observe every activity call, e.g. to read the run from the server meanwhile */
  PlaybookTestEnvironment(UnaryOperator<Object> wrapActivities) {
    this(wrapActivities, TestEnvironmentOptions.getDefaultInstance());
  }

  /** @param options e.g. a metrics scope, or a worker without a workflow cache so every task replays */
  PlaybookTestEnvironment(UnaryOperator<Object> wrapActivities, TestEnvironmentOptions options) {
    env = TestWorkflowEnvironment.newInstance(options);
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(PlaybookIds.TASK_QUEUE);
    // A bug in workflow code must fail the test run, not leave it retrying the workflow task forever.
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Throwable.class).build(),
        ScimPlaybookWorkflowImpl.class);
    worker.registerActivitiesImplementations(Arrays.stream(fake.all()).map(wrapActivities).toArray());
    fake.clock = () -> Instant.ofEpochMilli(env.currentTimeMillis());
    env.start();
    client = env.getWorkflowClient();
  }

  static ScimFailureEvent failure(String reason) {
    return new ScimFailureEvent(ACCOUNT, SOURCE, Instant.parse("2026-11-29T06:00:00Z"), reason, "story-1",
        ScimFailureEvent.ORIGIN_WEBHOOK);
  }

  /** Starts (or joins) the run the way the starter does: signal-with-start. */
  ScimPlaybookWorkflow signalWithStart(ScimFailureEvent event, PlaybookOptions options) {
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(WORKFLOW_ID).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(stub::run, new PlaybookInput(ACCOUNT, SOURCE, options));
    request.add(stub::failureReported, event);
    client.signalWithStart(request);
    return running();
  }

  ScimPlaybookWorkflow start() {
    return signalWithStart(failure("invalid credentials"), PlaybookOptions.defaults());
  }

  ScimPlaybookWorkflow running() {
    return client.newWorkflowStub(ScimPlaybookWorkflow.class, WORKFLOW_ID);
  }

  /** Blocks on the result; the test server skips time while a client waits for a result. */
  PlaybookReport result() {
    return client.newUntypedWorkflowStub(WORKFLOW_ID).getResult(PlaybookReport.class);
  }

  /**
   * Queries until the run reaches a state. Queries do not advance the test server's clock, so this waits only for
   * the worker to process what was already sent.
   */
  PlaybookStatus awaitStatus(Predicate<PlaybookStatus> condition, String what) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    PlaybookStatus last = null;
    while (System.nanoTime() < deadline) {
      last = running().status();
      if (condition.test(last)) {
        return last;
      }
      Thread.onSpinWait();
    }
    return fail("the run never reached: " + what + "; last status " + last);
  }

  @Override
  public void close() {
    env.close();
  }
}
