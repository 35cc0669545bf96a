package io.scimplaybook.api.notify;

import io.scimplaybook.api.operator.TaskKind;
import java.util.List;

/**
 * What the run tells people through the worker's notification channels. Built in the workflow from what the run
 * already shows (the task's title, instructions and commands), so a notification and the UI never word things
 * differently; the worker adds the deep link to the Temporal UI, whose address only it knows. Holds no secret.
 *
 * @param taskId the operator task's id; null for {@link NotificationKind#ESCALATED}
 * @param taskKind the operator task's kind; null for {@link NotificationKind#ESCALATED}
 * @param sourceName the source's display name; null when the run could not look it up
 * @param idp the IdP's display name; null when the run could not look it up
 * @param whatToDo the task's instructions, or for an escalation what the bundle is and where it went
 * @param commands the exact CLI commands the operator runs, as the task (or the report verb) gives them
 * @param reason why the run escalated; null for a task
 */
public record Notification(
    NotificationKind kind,
    String workflowId,
    String accountId,
    String sourceId,
    String sourceName,
    String idp,
    String taskId,
    TaskKind taskKind,
    String title,
    String whatToDo,
    List<String> commands,
    String reason) {

  /** What the idempotency key names beside the workflow id when there is no task. */
  public static final String ESCALATION = "escalation";

  /**
   * {@code {workflowId}/{taskId or 'escalation'}}: one notification per run and task, however often the activity is
   * retried; channels pass it on (HTTP {@code Idempotency-Key}, mail {@code Message-ID}) so a receiver can drop
   * repeats too.
   */
  public String idempotencyKey() {
    return workflowId + "/" + (taskId == null ? ESCALATION : taskId);
  }
}
