package io.scimplaybook.bench;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.sandbox.FleetFailure;
import io.scimplaybook.sandbox.FleetSource;
import io.scimplaybook.sandbox.FleetStandIn;
import io.temporal.client.WorkflowClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operators of the sources with a real problem, as the demo's {@code --auto-approve} answers: for a token mismatch,
 * generate a token in the (simulated) CMA and approve the rotation with it sealed; for a config change, revert the
 * Domain change and answer the review REVERTED. Runs of the provider incident are never answered: their tasks are
 * what the benchmark counts. Only these few runs are asked for their status, so the worker's load stays the fleet's.
 */
final class AutoOperator {
  private final WorkflowClient client;
  private final FleetStandIn fleet;
  private final TokenSeal seal;
  private final List<FleetSource> realProblems;
  private final Set<String> answered = new HashSet<>();
  final AtomicInteger rotationsApproved = new AtomicInteger();
  final AtomicInteger revertsConfirmed = new AtomicInteger();

  AutoOperator(WorkflowClient client, FleetStandIn fleet, TokenSeal seal) {
    this.client = client;
    this.fleet = fleet;
    this.seal = seal;
    this.realProblems = fleet.sources().stream()
        .filter(s -> s.failure() == FleetFailure.TOKEN_MISMATCH || s.failure() == FleetFailure.CONFIG_CHANGE)
        .toList();
  }

  List<FleetSource> realProblems() {
    return realProblems;
  }

  /** One look at every real-problem run still open; answers each newly opened task of the kind its cause needs. */
  void answerPending(Set<String> closedRuns) {
    for (FleetSource source : realProblems) {
      String id = PlaybookIds.workflowId(source.accountId(), source.sourceId());
      if (closedRuns.contains(id)) {
        continue;
      }
      PlaybookStatus status;
      try {
        status = client.newWorkflowStub(ScimPlaybookWorkflow.class, id).status();
      } catch (RuntimeException notYetOrGone) {
        continue;
      }
      OperatorTask task = status.pendingTask();
      if (task == null || answered.contains(id + "/" + task.id())) {
        continue;
      }
      ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, id);
      if (task.kind() == TaskKind.APPROVE_ROTATION && source.failure() == FleetFailure.TOKEN_MISMATCH) {
        String token = fleet.generateCatoToken(source.accountId(), source.sourceId());
        run.approveRotation(new RotationApproval(task.id(), "fleet-benchmark", seal.seal(token),
            "generated in the simulated CMA by the fleet benchmark"));
        rotationsApproved.incrementAndGet();
        answered.add(id + "/" + task.id());
      } else if (task.kind() == TaskKind.REVIEW_SUSPECTS && source.failure() == FleetFailure.CONFIG_CHANGE) {
        fleet.revertDomainChange(source.accountId(), source.sourceId());
        run.decideTask(new TaskDecision(task.id(), Decision.REVERTED, "fleet-benchmark",
            "reverted the Domain change in the simulated CMA"));
        revertsConfirmed.incrementAndGet();
        answered.add(id + "/" + task.id());
      }
    }
  }
}
