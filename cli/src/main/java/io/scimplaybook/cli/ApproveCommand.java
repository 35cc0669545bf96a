package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import java.util.Map;
import java.util.Set;

/**
 * {@code approve}: seals the CMA token with the worker's key, then sends the approval; the plain token never leaves.
 * Without --task-id it answers the rotation task the run waits on now.
 */
final class ApproveCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return Set.of("workflow-id", "task-id", "approver", "token-file", "note", "seal-key-file");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = args.required("workflow-id", "W");
    String explicitTaskId = args.optional("task-id").orElse(null);
    String approver = args.required("approver", "NAME");
    String tokenFile = args.required("token-file", "F");
    String note = args.optional("note").orElse(null);
    TokenSeal seal = SealKey.load(args.optional("seal-key-file"), env);
    SealedToken sealed = seal.seal(TokenFile.read(tokenFile));
    return (client, out, err) -> {
      ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
      String taskId = explicitTaskId != null ? explicitTaskId : PendingRotation.taskId(run, workflowId, "approve");
      run.approveRotation(new RotationApproval(taskId, approver, sealed, note));
      out.println("Token rotation approved for " + workflowId + " by " + approver + " on task " + taskId
          + " (token sealed with key " + sealed.keyId() + ").");
      return ExitCodes.OK;
    };
  }
}
