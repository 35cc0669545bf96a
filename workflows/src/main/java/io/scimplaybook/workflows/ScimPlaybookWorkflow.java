package io.scimplaybook.workflows;

import io.scimplaybook.workflows.messages.PlaybookInput;
import io.scimplaybook.workflows.messages.PlaybookReport;
import io.scimplaybook.workflows.messages.PlaybookStatus;
import io.scimplaybook.workflows.messages.RotationApproval;
import io.scimplaybook.workflows.messages.RotationRejection;
import io.scimplaybook.workflows.messages.ScimFailureEvent;
import io.scimplaybook.workflows.messages.TaskDecision;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The SCIM-provisioning-failure playbook for one (Cato account, SCIM source); id {@link PlaybookIds#workflowId}. */
@WorkflowInterface
public interface ScimPlaybookWorkflow {

  @WorkflowMethod
  PlaybookReport run(PlaybookInput input);

  /** A SCIM Provisioning / Failed event for this source; during monitoring it starts another cycle. */
  @SignalMethod
  void failureReported(ScimFailureEvent event);

  /** Go-ahead for token rotation with the new token, sealed. */
  @SignalMethod
  void approveRotation(RotationApproval approval);

  @SignalMethod
  void rejectRotation(RotationRejection rejection);

  /** The answer to the pending operator task (reverted / dismissed, succeeded / failed). */
  @SignalMethod
  void decideTask(TaskDecision decision);

  @QueryMethod
  PlaybookStatus status();
}
