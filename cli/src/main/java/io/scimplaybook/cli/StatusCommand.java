package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.Map;
import java.util.Set;

/** {@code status}: the run's own answer to the status query, for a person or (--json) a script. */
final class StatusCommand implements CliCommand {

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
      // Describe first: it answers "not found" without a worker, and names the run's state for the heading.
      WorkflowExecutionDescription run = client.newUntypedWorkflowStub(workflowId).describe();
      PlaybookStatus status = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).status();
      out.print(json ? CliJson.write(status) + "\n" : StatusText.render(status, RunState.of(run), bundle(client, run)));
      return ExitCodes.OK;
    };
  }

  /**
   * The support bundle is delivered as the run ends, so only a completed run's result names it; reading that result
   * does not wait. Null while the run is open or when it was not escalated.
   */
  private static String bundle(WorkflowClient client, WorkflowExecutionDescription run) {
    if (run.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      return null;
    }
    return client.newUntypedWorkflowStub(run.getExecution().getWorkflowId()).getResult(PlaybookReport.class)
        .bundleLocation();
  }
}
