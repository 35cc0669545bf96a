package io.scimplaybook.api.status;

/** How one step ended. */
public enum StepResult {
  PASSED,
  FAILED,
  SKIPPED,
  ERROR
}
