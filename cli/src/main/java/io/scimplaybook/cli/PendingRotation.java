package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;

/**
 * The rotation task approve / reject answer when the operator names none: the one the run waits on now. Sending its
 * id (rather than none) is what lets the run refuse the answer if it has moved on to another attempt meanwhile.
 */
final class PendingRotation {
  private PendingRotation() {}

  static String taskId(ScimPlaybookWorkflow run, String workflowId, String verb) {
    OperatorTask pending = run.status().pendingTask();
    if (pending == null) {
      throw new CliExit(ExitCodes.FAILURE, workflowId + " is not waiting on any operator task; nothing to " + verb);
    }
    if (pending.kind() != TaskKind.APPROVE_ROTATION) {
      throw new CliExit(ExitCodes.FAILURE, workflowId + " is waiting on task " + pending.id() + " (" + pending.title()
          + "), not on a token rotation; nothing to " + verb);
    }
    return pending.id();
  }
}
