package io.scimplaybook.api;

import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
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

  /**
   * Several failure events at once, each counted as {@link #failureReported} counts it; what the doors send when
   * events for one run arrive faster than one signal round trip (README, "Floods").
   */
  @SignalMethod
  void failuresReported(FailureBatch batch);

  /** Go-ahead for token rotation with the new token, sealed. */
  @SignalMethod
  void approveRotation(RotationApproval approval);

  @SignalMethod
  void rejectRotation(RotationRejection rejection);

  /** The answer to the pending operator task (reverted / dismissed, succeeded / failed). */
  @SignalMethod
  void decideTask(TaskDecision decision);

  /** From the fleet watch: a provider incident this run's source belongs to was declared, or it cleared. */
  @SignalMethod
  void fleetNotice(FleetNotice notice);

  @QueryMethod
  PlaybookStatus status();
}
