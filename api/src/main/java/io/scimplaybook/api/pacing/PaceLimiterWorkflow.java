package io.scimplaybook.api.pacing;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One vendor limit ({@link PaceKey}) shared by every run and every worker process: callers reserve a slot by Update
 * and send their request at it; a 429 seen by any caller pauses them all. Temporal is the only store the deployment
 * has, and a workflow is the one place every worker already reaches that serialises its updates. Id {@link
 * PaceKey#workflowId()}, task queue {@link #TASK_QUEUE}. See docs/pacing.md.
 */
@WorkflowInterface
public interface PaceLimiterWorkflow {
  /** Its own queue, so a storm's backlog of playbook tasks does not delay the reservations that pace it. */
  String TASK_QUEUE = "scim-playbook-pacing";

  @WorkflowMethod
  void run(PacerInput input);

  /** Reserves the next slot (GCRA); records it and returns at once: no timer per grant. */
  @UpdateMethod
  PaceGrant reserve(PaceRequest request);

  @UpdateValidatorMethod(updateName = "reserve")
  void validateReserve(PaceRequest request);

  @SignalMethod
  void pause(PauseRequest request);

  @QueryMethod
  PacerState state();
}
