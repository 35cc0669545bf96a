package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.OperatorTask;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code decide}: answers an operator task; without --task-id, the task the run is waiting on. */
@Command(name = "decide", description = "Answer an operator task with any decision (default: the task the run is "
    + "waiting on).")
final class DecideCommand extends CliCommand {

  @Option(names = "--workflow-id", paramLabel = "W", required = true, description = "the run")
  String workflowId;

  @Option(names = "--task-id", paramLabel = "T", description = "the task (default: the pending one)")
  String taskId;

  @Option(names = "--decision", paramLabel = "REVERTED|DISMISSED|SUCCEEDED|FAILED", required = true,
      completionCandidates = CompletionCandidates.Decisions.class, description = "the answer")
  String decision;

  @Option(names = "--operator", paramLabel = "NAME", required = true, description = "who decides (e.g. \"$USER\")")
  String operator;

  @Option(names = "--note", paramLabel = "T", description = "a note for the run's timeline")
  String note;

  @Override
  String workflowIdForMessages() {
    return workflowId == null ? "?" : workflowId.strip();
  }

  @Override
  Action prepare(Map<String, String> env) {
    String workflowId = required("--workflow-id", this.workflowId);
    String explicitTaskId = OptionValues.optional("--task-id", taskId).orElse(null);
    Decision decision = parseDecision(required("--decision", this.decision));
    String operator = required("--operator", this.operator);
    String note = OptionValues.optional("--note", this.note).orElse(null);
    return (client, out, err) -> {
      ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
      String taskId = explicitTaskId;
      String about = "";
      if (taskId == null) {
        OperatorTask pending = run.status().pendingTask();
        if (pending == null) {
          throw new CliExit(ExitCodes.FAILURE, workflowId + " is not waiting on any operator task; nothing to decide");
        }
        checkFits(decision, pending);
        taskId = pending.id();
        about = " (" + pending.title() + ")";
      }
      run.decideTask(new TaskDecision(taskId, decision, operator, note));
      out.println("Decision " + decision + " on task " + taskId + about + " sent to " + workflowId + " by " + operator + ".");
      return ExitCodes.OK;
    };
  }

  private static Decision parseDecision(String value) {
    try {
      return Decision.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw CliExit.usage("--decision must be one of "
          + Arrays.stream(Decision.values()).map(Enum::name).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
  }

  /** Catches an answer that cannot fit the task before the run has to refuse it. */
  private static void checkFits(Decision decision, OperatorTask task) {
    if (task.kind() == null) {
      return;
    }
    if (!task.kind().answeredByDecision()) {
      throw CliExit.usage(
          "task " + task.id() + " asks for token rotation: answer it with approve or reject, not decide");
    }
    if (!task.kind().accepts(decision)) {
      throw CliExit.usage("task " + task.id() + " (" + task.kind() + ") takes "
          + task.kind().accepted().stream().map(Enum::name).collect(Collectors.joining(" or ")) + ", not " + decision);
    }
  }
}
