package io.scimplaybook.api.status;

/** Playbook steps, in the order ARCHITECTURE.md lists them; also the values of the PlaybookStep search attribute. */
public enum Step {
  AWAITING_EVENT,
  VERIFY,
  PROVISION_ON_DEMAND,
  AUDIT_REVIEW,
  /** Held before asking people, while a suspected provider-side incident the run's source belongs to lasts. */
  FLEET_HOLD,
  OPERATOR_REVIEW,
  TOKEN_ROTATION,
  /** Right after a fix: the IdP job's state (a quarantined job is restarted) and the story's. */
  RECOVERY_CHECK,
  MONITORING,
  ESCALATION,
  DONE
}
