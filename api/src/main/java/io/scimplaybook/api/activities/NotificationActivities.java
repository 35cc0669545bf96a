package io.scimplaybook.api.activities;

import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationResult;
import io.temporal.activity.ActivityInterface;

/**
 * Tells people that a run needs them or has escalated, through the channels the worker has configured (a JSON
 * webhook, e-mail). Idempotent per run and task ({@link Notification#idempotencyKey()}): a retry does not send again
 * through a channel that already accepted it. The playbook never waits on it.
 */
@ActivityInterface
public interface NotificationActivities {
  /** Sends through every configured channel; with none configured, sends nothing and says so in the result. */
  NotificationResult deliverNotification(Notification notification);
}
