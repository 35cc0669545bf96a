package io.scimplaybook.workflows.messages;

/** How one step ended. */
public enum StepResult {
  PASSED,
  FAILED,
  SKIPPED,
  ERROR
}
