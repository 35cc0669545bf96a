package io.scimplaybook.starter;

import io.scimplaybook.workflows.EventsFeedPollerWorkflow;
import io.scimplaybook.workflows.PlaybookIds;
import io.scimplaybook.workflows.messages.PlaybookOptions;
import io.scimplaybook.workflows.messages.PollerInput;
import io.scimplaybook.workflows.messages.PollerOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/** Starts an account's events-feed poller, leaving a running one alone; shared by the CLI and the boot-time list. */
final class PollerControl {

  /** @param started false when a poller for the account was already running (it keeps its own settings) */
  record Result(String workflowId, String runId, boolean started) {}

  private PollerControl() {}

  static Result start(WorkflowClient client, String accountId, PollerOptions options, PlaybookOptions playbook) {
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
