package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;

import io.scimplaybook.api.activities.NotificationActivities;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationKind;
import io.scimplaybook.api.notify.NotificationResult;
import io.scimplaybook.api.status.OperatorTask;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Tells people, through the worker's channels, when a task opens and when the run escalates, with the same title,
 * instructions and commands the UI shows. Started with {@link Async} and never waited on while the run goes on: a
 * channel that is down delays nobody, and its failure is only noted in the timeline. With no channel configured the
 * worker's activity answers that notifications are off, and nothing is noted. Change id {@value #CHANGE}.
 */
final class Notifications {
  static final String CHANGE = "notify-v1";
  /**
   * A run that ends must not close before its escalation notice is delivered: an activity still scheduled when its
   * workflow completes is dropped. Bounded by the activity's own expiry, so a dead channel cannot hold the run open.
   */
  private static final Duration ESCALATION_WAIT = ActivityPolicies.notification().getScheduleToCloseTimeout();

  private final RunRecord run;

  Notifications(RunRecord run) {
    this.run = run;
  }

  void taskOpened(OperatorTask task) {
    if (!enabled()) {
      return;
    }
    send(new Notification(NotificationKind.TASK_OPENED, Workflow.getInfo().getWorkflowId(), run.input.accountId(),
        run.input.sourceId(), sourceName(), idpName(), task.id(), task.kind(), task.title(), task.instructions(),
        task.commands(), null), "task " + task.id());
  }

  /** Starts the escalation notice; null when this run predates notifications. Hand it to {@link #settle}. */
  Promise<NotificationResult> escalated(String conclusion, String bundleLocation) {
    if (!enabled()) {
      return null;
    }
    String workflowId = Workflow.getInfo().getWorkflowId();
    String whatToDo = bundleLocation == null
        ? "The support bundle could not be delivered; the run's report holds the same evidence: open a Cato support "
            + "case with it."
        : "Open a Cato support case with the support bundle at " + bundleLocation + ".";
    return send(new Notification(NotificationKind.ESCALATED, workflowId,
        run.input.accountId(), run.input.sourceId(), sourceName(), idpName(), null, null,
        "The SCIM playbook escalated " + workflowId, whatToDo, Instructions.escalated(workflowId), conclusion),
        "the escalation");
  }

  /** Waits, bounded, for a notice to settle before the run completes; the outcome is already decided. */
  void settle(Promise<NotificationResult> sent) {
    // Checked first: await with a timeout starts a timer even when the condition already holds.
    if (sent != null && !sent.isCompleted()) {
      Workflow.await(ESCALATION_WAIT, sent::isCompleted);
    }
  }

  private boolean enabled() {
    return Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private Promise<NotificationResult> send(Notification notification, String about) {
    Promise<NotificationResult> sent = Async.function(
        stub(NotificationActivities.class, ActivityPolicies.notification(), "notify people about " + about)
            ::deliverNotification, notification);
    // Only a failure is noted: a delivery is no news to the operator, and its note would push the run's own latest
    // event (an approval, a step) out of the UI's "Latest" line.
    sent.handle((result, failure) -> {
      if (failure != null) {
        String why = failure instanceof ActivityFailure f ? Reasons.of(f) : failure.getMessage();
        run.note("Could not deliver the notification about " + about + " (the run goes on): " + why);
        run.publish();
      }
      return null;
    });
    return sent;
  }

  private String sourceName() {
    return run.profile == null ? null : run.profile.displayName();
  }

  private String idpName() {
    return run.profile == null ? null : run.profile.idp().displayName();
  }
}
