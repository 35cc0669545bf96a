package io.scimplaybook.activities.notify;

import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.NotificationActivities;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * Runs the notification activity as a workflow does, so the tests see Temporal's own retries: the heartbeat details
 * one attempt leaves are the ones the next attempt reads.
 */
@WorkflowInterface
public interface DeliverOnce {
  @WorkflowMethod
  NotificationResult deliver(Notification notification);

  class Impl implements DeliverOnce {
    @Override
    public NotificationResult deliver(Notification notification) {
      return Workflow.newActivityStub(NotificationActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(1))
              .setMaximumAttempts(4)
              .setDoNotRetry(FailureTypes.NON_RETRYABLE.toArray(String[]::new))
              .build())
          .build()).deliverNotification(notification);
    }
  }
}
