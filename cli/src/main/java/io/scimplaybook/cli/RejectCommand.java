package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.RotationRejection;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reject}: refuses token rotation; the run escalates with the operator's reason. Without --task-id it answers
 * the rotation task the run waits on now.
 */
@Command(name = "reject", description = "Refuse token rotation (task T, default as for approve); the run escalates.")
final class RejectCommand extends CliCommand {

  @Option(names = "--workflow-id", paramLabel = "W", required = true, description = "the run")
  String workflowId;

  @Option(names = "--task-id", paramLabel = "T", description = "the rotation task (default: the pending one)")
  String taskId;

  @Option(names = "--operator", paramLabel = "NAME", required = true, description = "who refuses (e.g. \"$USER\")")
  String operator;

  @Option(names = "--reason", paramLabel = "R", required = true, description = "why, for the run and its report")
  String reason;

  @Override
  String workflowIdForMessages() {
    return workflowId == null ? "?" : workflowId.strip();
  }

  @Override
  Action prepare(Map<String, String> env) {
    String workflowId = required("--workflow-id", this.workflowId);
    String explicitTaskId = OptionValues.optional("--task-id", taskId).orElse(null);
    String operator = required("--operator", this.operator);
    String reason = required("--reason", this.reason);
    return (client, out, err) -> {
      ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
      String taskId = explicitTaskId != null ? explicitTaskId : PendingRotation.taskId(run, workflowId, "reject");
      run.rejectRotation(new RotationRejection(taskId, operator, reason));
      out.println("Token rotation rejected for " + workflowId + " by " + operator + "; the run will escalate.");
      return ExitCodes.OK;
    };
  }
}
