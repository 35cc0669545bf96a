package io.scimplaybook.api.notify;

/** Why people are told about a run. */
public enum NotificationKind {
  /** An operator task opened: the run waits for a person (approval, review, a manual step). */
  TASK_OPENED,
  /** The run ended ESCALATED: support needs the bundle. */
  ESCALATED
}
