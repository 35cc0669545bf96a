package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.RotationRejection;
import java.util.Map;
import java.util.Set;

/** {@code reject}: refuses token rotation; the run escalates with the operator's reason. */
final class RejectCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return Set.of("workflow-id", "operator", "reason");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = args.required("workflow-id", "W");
    String operator = args.required("operator", "NAME");
    String reason = args.required("reason", "R");
    return (client, out) -> {
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId)
          .rejectRotation(new RotationRejection(operator, reason));
      out.println("Token rotation rejected for " + workflowId + " by " + operator + "; the run will escalate.");
      return ExitCodes.OK;
    };
  }
}
