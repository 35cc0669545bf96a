package io.scimplaybook.api.operator;

/** An operator's answer to a task: REVERTED / DISMISSED for suspects, SUCCEEDED / FAILED for manual steps. */
public enum Decision {
  REVERTED,
  DISMISSED,
  SUCCEEDED,
  FAILED
}
