package io.scimplaybook.workflows.messages;

/** How a playbook run ended. */
public enum Outcome {
  RESOLVED,
  NOT_REPRODUCED,
  ESCALATED
}
