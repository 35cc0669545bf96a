package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.OperatorTask;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code confirm}: the operator did what the pending task asked ("I reverted the change", "I provisioned the user and
 * it arrived"). It sends the task's yes-answer through the same signal as {@code decide}, which stays for the no.
 */
@Command(name = "confirm", description = {
    "Say you did what the pending task asks: REVERTED for suspect changes (\"I reverted the change\"), SUCCEEDED for "
        + "a manual step. With --task-id, only if that task is still the pending one."})
final class ConfirmCommand extends CliCommand {

  @Mixin
  WorkflowTarget target;

  @Option(names = "--operator", paramLabel = "NAME", required = true, description = "who did it (e.g. \"$USER\")")
  String operator;

  @Option(names = "--task-id", paramLabel = "T", description = "only if this task is still the pending one")
  String taskId;

  @Option(names = "--note", paramLabel = "T", description = "a note for the run's timeline")
  String note;

  @Override
  String workflowIdForMessages() {
    return target.forMessages();
  }

  @Override
  Action prepare(Map<String, String> env) {
    String workflowId = target.resolve(verb());
    String expectedTask = OptionValues.optional("--task-id", taskId).orElse(null);
    String operator = required("--operator", this.operator);
    String note = OptionValues.optional("--note", this.note).orElse(null);
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
