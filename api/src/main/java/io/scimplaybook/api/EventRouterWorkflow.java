package io.scimplaybook.api;

import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.RouterInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.RouterStatus;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Holds one Cato account's failure events that name no SCIM source until the worker, which alone knows the configured
 * sources, has attributed each to its run(s) and delivered it there ({@link
 * io.scimplaybook.api.activities.RoutingActivities}). Id {@link PlaybookIds#routerWorkflowId}; events arrive by
 * signal-with-start ({@link PlaybookDelivery}); it completes after a quiet spell and the next event starts it again.
 */
@WorkflowInterface
public interface EventRouterWorkflow {

  @WorkflowMethod
  void run(RouterInput input);

  @SignalMethod
  void failureReported(ScimFailureEvent event);

  /** Several events of the account at once, buffered as {@link #failureReported} buffers each. */
  @SignalMethod
  void failuresReported(FailureBatch batch);

  @QueryMethod
  RouterStatus status();
}
