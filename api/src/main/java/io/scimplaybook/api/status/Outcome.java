package io.scimplaybook.api.status;

/** How a playbook run ended. */
public enum Outcome {
  RESOLVED,
  NOT_REPRODUCED,
  ESCALATED
}
