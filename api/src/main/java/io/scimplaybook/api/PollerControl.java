package io.scimplaybook.api;

import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/** Starts an account's events-feed poller, leaving a running one alone; shared by the CLI and the boot-time list. */
public final class PollerControl {

  /** @param started false when a poller for the account was already running (it keeps its own settings) */
  public record Result(String workflowId, String runId, boolean started) {}

  private PollerControl() {}

  public static Result start(WorkflowClient client, String accountId, PollerOptions options, PlaybookOptions playbook) {
    String problem = options.problem();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    String workflowId = PlaybookIds.pollerWorkflowId(accountId);
    EventsFeedPollerWorkflow poller = client.newWorkflowStub(EventsFeedPollerWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(PlaybookIds.TASK_QUEUE)
            .setStaticSummary("Events-feed poller · account " + accountId)
            .build());
    try {
      String runId = WorkflowClient.start(poller::run, PollerInput.fresh(accountId, options, playbook)).getRunId();
      return new Result(workflowId, runId, true);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new Result(workflowId, e.getExecution().getRunId(), false);
    }
  }
}
