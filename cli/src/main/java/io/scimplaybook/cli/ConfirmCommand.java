package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.OperatorTask;
import java.util.Map;
import java.util.Set;

/**
 * {@code confirm}: the operator did what the pending task asked ("I reverted the change", "I provisioned the user and
 * it arrived"). It sends the task's yes-answer through the same signal as {@code decide}, which stays for the no.
 */
final class ConfirmCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return Set.of("workflow-id", "account", "source", "task-id", "operator", "note");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = WorkflowTarget.resolve(args);
    String expectedTask = args.optional("task-id").orElse(null);
    String operator = args.required("operator", "NAME");
    String note = args.optional("note").orElse(null);
    return (client, out, err) -> {
      ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
      OperatorTask pending = run.status().pendingTask();
      if (pending == null) {
        throw new CliExit(ExitCodes.FAILURE, workflowId + " is not waiting on any operator task; nothing to confirm");
      }
      if (expectedTask != null && !expectedTask.equals(pending.id())) {
        // The run moved on since the operator read the task: confirming the new one by accident would be worse.
        throw new CliExit(ExitCodes.FAILURE, workflowId + " is waiting on task " + pending.id() + " (" + pending.title()
            + "), not " + expectedTask + "; nothing sent");
      }
      Decision yes = yesAnswer(pending);
      run.decideTask(new TaskDecision(pending.id(), yes, operator, note));
      out.println("Confirmed task " + pending.id() + " (" + pending.title() + ") as " + yes + " on " + workflowId
          + " by " + operator + ".");
      return ExitCodes.OK;
    };
  }

  private static Decision yesAnswer(OperatorTask task) {
    if (task.kind() == null) {
      throw new CliExit(ExitCodes.FAILURE, "task " + task.id() + " does not say what it asks; answer it with decide");
    }
    return task.kind().yesAnswer().orElseThrow(() -> CliExit.usage(
        "task " + task.id() + " asks for token rotation: answer it with approve (or reject), not confirm"));
  }
}
