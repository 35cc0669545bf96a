package io.scimplaybook.cli;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.ReportMarkdown;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code report}: the finished run's report. It never waits: an open run is reported as such with exit 3, so a
 * script can poll without hanging; that message goes to stderr (with --json, the run's state is the result, on stdout).
 */
final class ReportCommand implements CliCommand {

  @Override
  public Set<String> valueOptions() {
    return WorkflowTarget.OPTIONS;
  }

  @Override
  public Set<String> flags() {
    return Set.of("json");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = WorkflowTarget.resolve(args);
    boolean json = args.flag("json");
    return (client, out, err) -> {
      WorkflowExecutionDescription run = client.newUntypedWorkflowStub(workflowId).describe();
      WorkflowExecutionStatus state = run.getStatus();
      if (state == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        String step = currentStep(client, workflowId, run);
        if (json) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("workflowId", workflowId);
          body.put("state", RunState.name(state));
          body.put("step", step);
          out.println(CliJson.write(body));
        } else {
          err.println(workflowId + " is still running (step " + step + "); its report exists once it ends.");
        }
        return ExitCodes.NOT_FINISHED;
      }
      if (state != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        throw new CliExit(ExitCodes.FAILURE, workflowId + " ended " + RunState.name(state) + " without a report");
      }
      PlaybookReport report = client.newUntypedWorkflowStub(workflowId).getResult(PlaybookReport.class);
      out.print(json ? CliJson.write(report) + "\n" : ReportMarkdown.render(report));
      return ExitCodes.OK;
    };
  }

  /** The step search attribute needs no worker; the query is the fallback for a run that has not set it yet. */
  private static String currentStep(WorkflowClient client, String workflowId, WorkflowExecutionDescription run) {
    String step = run.getTypedSearchAttributes().get(PlaybookSearchAttributes.STEP);
    if (step != null) {
      return step;
    }
    try {
      PlaybookStatus status = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).status();
      return status.step() + ", cycle " + status.cycle();
    } catch (RuntimeException e) {
      return "unknown: no worker answered";
    }
  }
}
