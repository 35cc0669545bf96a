package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import java.util.Map;
import java.util.Set;

/** {@code approve}: seals the CMA token with the worker's key, then sends the approval; the plain token never leaves. */
final class ApproveCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return Set.of("workflow-id", "approver", "token-file", "note", "seal-key-file");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = args.required("workflow-id", "W");
    String approver = args.required("approver", "NAME");
    String tokenFile = args.required("token-file", "F");
    String note = args.optional("note").orElse(null);
    TokenSeal seal = SealKey.load(args.optional("seal-key-file"), env);
    SealedToken sealed = seal.seal(TokenFile.read(tokenFile));
    return (client, out) -> {
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId)
          .approveRotation(new RotationApproval(approver, sealed, note));
      out.println("Token rotation approved for " + workflowId + " by " + approver
          + " (token sealed with key " + sealed.keyId() + ").");
      return ExitCodes.OK;
    };
  }
}
