package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.RotationRejection;
import java.util.Map;
import java.util.Set;

/**
 * {@code reject}: refuses token rotation; the run escalates with the operator's reason. Without --task-id it answers
 * the rotation task the run waits on now.
 */
final class RejectCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return Set.of("workflow-id", "task-id", "operator", "reason");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = args.required("workflow-id", "W");
    String explicitTaskId = args.optional("task-id").orElse(null);
    String operator = args.required("operator", "NAME");
    String reason = args.required("reason", "R");
    return (client, out, err) -> {
      ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
      String taskId = explicitTaskId != null ? explicitTaskId : PendingRotation.taskId(run, workflowId, "reject");
      run.rejectRotation(new RotationRejection(taskId, operator, reason));
      out.println("Token rotation rejected for " + workflowId + " by " + operator + "; the run will escalate.");
      return ExitCodes.OK;
    };
  }
}
