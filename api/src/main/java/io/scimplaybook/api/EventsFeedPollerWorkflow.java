package io.scimplaybook.api;

import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.status.PollerStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Reads one Cato account's eventsFeed for SCIM Provisioning / Failed events and hands each to the playbook run of its
 * source. Long-running: id {@link PlaybookIds#pollerWorkflowId}, it continues as new until stopped.
 */
@WorkflowInterface
public interface EventsFeedPollerWorkflow {

  @WorkflowMethod
  void run(PollerInput input);

  /** Ends the poller cleanly: a poll in progress finishes (its events delivered, its marker kept), then it returns. */
  @SignalMethod
  void stop();

  @QueryMethod
  PollerStatus status();
}
