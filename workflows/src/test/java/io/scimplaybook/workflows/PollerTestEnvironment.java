package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.fail;

import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.status.PollerStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** A time-skipping test server with the events-feed poller on a fake feed, and a worker that can be restarted. */
final class PollerTestEnvironment implements AutoCloseable {
  static final String WORKFLOW_ID = PlaybookIds.pollerWorkflowId(FakeEventsFeed.ACCOUNT);

  /**
   * Every workflow task on the shared queue: a real server moves a run off a dead worker's sticky queue after 5 s, the
   * test server never does, so a restarted worker would never see the run again.
   */
  private static final WorkerOptions NOT_STICKY =
      WorkerOptions.newBuilder().setStickyQueueScheduleToStartTimeout(Duration.ZERO).build();

  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final WorkflowClient client = env.getWorkflowClient();
  final FakeEventsFeed feed = new FakeEventsFeed(env::currentTimeMillis);
  private WorkerFactory factory;

  PollerTestEnvironment() {
    register(env.newWorker(PlaybookIds.TASK_QUEUE, NOT_STICKY));
    factory = env.getWorkerFactory();
    env.start();
  }

  private void register(Worker worker) {
    // A bug in workflow code must fail the test, not leave it retrying the workflow task forever.
    worker.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder().setFailWorkflowExceptionTypes(Throwable.class).build(),
        EventsFeedPollerWorkflowImpl.class);
    worker.registerActivitiesImplementations(feed);
  }

  EventsFeedPollerWorkflow start(PollerOptions options) {
    EventsFeedPollerWorkflow poller = client.newWorkflowStub(EventsFeedPollerWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(WORKFLOW_ID).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    WorkflowClient.start(poller::run,
        PollerInput.fresh(FakeEventsFeed.ACCOUNT, options, PlaybookOptions.defaults().withMonitoringWindow(
            Duration.ofMinutes(7))));
    return running();
  }

  EventsFeedPollerWorkflow running() {
    return client.newWorkflowStub(EventsFeedPollerWorkflow.class, WORKFLOW_ID);
  }

  /** The worker process dies (its workflow cache and in-flight polls with it). */
  void stopWorker() {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** A new worker process on the same task queue, knowing nothing of the old one. */
  void startNewWorker() {
    factory = WorkerFactory.newInstance(client);
    register(factory.newWorker(PlaybookIds.TASK_QUEUE, NOT_STICKY));
    factory.start();
  }

  /** Waits in real time (bounded) for the worker to catch up; the test server's clock does not move meanwhile. */
  void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.onSpinWait();
    }
    fail("never happened: " + what);
  }

  PollerStatus awaitStatus(Predicate<PollerStatus> condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    PollerStatus last = null;
    while (System.nanoTime() < deadline) {
      last = running().status();
      if (condition.test(last)) {
        return last;
      }
    }
    return fail("the poller never reached: " + what + "; last status " + last);
  }

  DescribeWorkflowExecutionResponse describe(String runId) {
    return env.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(WORKFLOW_ID).setRunId(runId))
            .build());
  }

  @Override
  public void close() {
    if (factory != env.getWorkerFactory()) {
      factory.shutdownNow();
    }
    env.close();
  }
}
