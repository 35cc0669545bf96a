package io.scimplaybook.activities.pacing;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Clock;

/**
 * Waiting for a slot in wall time. Inside an activity it heartbeats every few seconds, so an activity with a heartbeat
 * timeout stays alive through a wait of minutes (auditFeed at 5 a minute shared by 200 runs), a cancelled one stops
 * waiting, and a dead worker's call is handed on after the heartbeat timeout rather than the whole start-to-close.
 */
final class PaceWait {
  static final long HEARTBEAT_EVERY_MILLIS = 2_000;

  private PaceWait() {}

  static void until(long slotMillis, Clock clock) throws InterruptedException {
    ActivityExecutionContext context = currentContext();
    // Also when the slot is now: an activity's calls each heartbeat once, so its heartbeat timeout sees it alive.
    heartbeat(context);
    long remaining = slotMillis - clock.millis();
    while (remaining > 0) {
      Thread.sleep(Math.min(remaining, HEARTBEAT_EVERY_MILLIS));
      remaining = slotMillis - clock.millis();
      if (remaining > 0) {
        heartbeat(context);
      }
    }
  }

  /**
   * Heartbeats with the activity's own latest details, so a paced call never erases the progress an activity keeps
   * there (CatoActivitiesImpl's audit pages). Activities read their details before their first vendor call.
   */
  static void heartbeat(ActivityExecutionContext context) {
    if (context != null) {
      context.heartbeat(context.getHeartbeatDetails(Object.class).orElse(null));
    }
  }

  /** Null outside an activity (a unit test, the starter): then there is nothing to heartbeat. */
  static ActivityExecutionContext currentContext() {
    try {
      return Activity.getExecutionContext();
    } catch (IllegalStateException notInActivity) {
      return null;
    }
  }
}
