package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.OperatorTask;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code decide}: answers an operator task; without --task-id, the task the run is waiting on. */
final class DecideCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return Set.of("workflow-id", "task-id", "decision", "operator", "note");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = args.required("workflow-id", "W");
    String explicitTaskId = args.optional("task-id").orElse(null);
    Decision decision = parseDecision(args.required("decision", "REVERTED|DISMISSED|SUCCEEDED|FAILED"));
    String operator = args.required("operator", "NAME");
    String note = args.optional("note").orElse(null);
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
