package io.scimplaybook.activities.notify;

import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationResult;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/** A time-skipping test server whose worker runs {@link DeliverOnce} on the given activity implementation. */
final class NotifyServer implements AutoCloseable {
  static final String QUEUE = "notify-test";
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  NotifyServer(NotificationActivitiesImpl activities) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(DeliverOnce.Impl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  NotificationResult deliver(Notification n) {
    return env.getWorkflowClient().newWorkflowStub(DeliverOnce.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("deliver-" + n.idempotencyKey()).build())
        .deliver(n);
  }

  String namespace() {
    return env.getNamespace();
  }

  @Override
  public void close() {
    env.close();
  }
}
