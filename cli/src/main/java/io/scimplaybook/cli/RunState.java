package io.scimplaybook.cli;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;

/** A run's state as an operator reads it: RUNNING, COMPLETED, TERMINATED, ... */
final class RunState {

  private RunState() {}

  static String of(WorkflowExecutionDescription run) {
    return name(run.getStatus());
  }

  static String name(WorkflowExecutionStatus status) {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
  }
}
