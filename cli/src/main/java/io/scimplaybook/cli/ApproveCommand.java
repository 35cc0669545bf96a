package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code approve}: seals the CMA token with the worker's key, then sends the approval; the plain token never leaves.
 * Without --task-id it answers the rotation task the run waits on now.
 */
@Command(name = "approve", description = {
    "Approve token rotation. F holds the token generated in the CMA; it is sealed with the key from "
        + "$SCIM_PLAYBOOK_SEAL_KEY (or the base64 key in file P) before anything leaves this process, and it is "
        + "never printed.",
    "Answers task T (default: the rotation task the run is waiting on); the run refuses it if it has moved on to "
        + "another attempt."})
final class ApproveCommand extends CliCommand {

  @Option(names = "--workflow-id", paramLabel = "W", required = true, description = "the run")
  String workflowId;

  @Option(names = "--task-id", paramLabel = "T", description = "the rotation task (default: the pending one)")
  String taskId;

  @Option(names = "--approver", paramLabel = "NAME", required = true, description = "who approves (e.g. \"$USER\")")
  String approver;

  @Option(names = "--token-file", paramLabel = "F", required = true, description = "file holding only the new token")
  String tokenFile;

  @Option(names = "--note", paramLabel = "T", description = "a note for the run's timeline")
  String note;

  @Option(names = "--seal-key-file", paramLabel = "P", description = "file with the worker's base64 seal key")
  String sealKeyFile;

  @Override
  String workflowIdForMessages() {
    return workflowId == null ? "?" : workflowId.strip();
  }

  @Override
  Action prepare(Map<String, String> env) {
    String workflowId = required("--workflow-id", this.workflowId);
    String explicitTaskId = OptionValues.optional("--task-id", taskId).orElse(null);
    String approver = required("--approver", this.approver);
    String tokenFile = required("--token-file", this.tokenFile);
    String note = OptionValues.optional("--note", this.note).orElse(null);
    TokenSeal seal = SealKey.load(OptionValues.optional("--seal-key-file", sealKeyFile), env);
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
