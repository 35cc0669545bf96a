package io.scimplaybook.worker;

import static io.scimplaybook.worker.RunWaits.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.CycleCause;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxServer;
import io.scimplaybook.sandbox.Scenario;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole playbook over HTTP like {@link TokenMismatchEndToEndTest}, through the sandbox scenarios where the first
 * fix is not the end of the story: Cato reopening the story during monitoring, and a second failure after the fix.
 *
 * <p>The test server skips time only while the test waits for the result, so polling {@code status} holds the
 * monitoring window open for as long as the test needs to act inside it.
 */
class StoryAndCyclesEndToEndTest {
  private static final String ACCOUNT = "12345";
  private static final String SOURCE = "7";

  @TempDir Path escalations;
  private SandboxWorker world;
  private SandboxServer sandbox;
  private WorkflowClient client;
  private TokenSeal seal;

  private void start(Scenario scenario) throws Exception {
    world = new SandboxWorker(SandboxConfig.defaults().withPort(0).withScenario(scenario), escalations).start();
    sandbox = world.sandbox;
    seal = world.seal;
    client = world.client;
  }

  @AfterEach
  void tearDown() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void aStoryCatoReopensDuringMonitoringKeepsTheRunFromEndingResolved() throws Exception {
    start(Scenario.REOPENED_STORY);
    ScimPlaybookWorkflow run = startRun();
    approveRotation(run);

    PlaybookReport report = client.newUntypedWorkflowStub(PlaybookIds.workflowId(ACCOUNT, SOURCE))
        .getResult(PlaybookReport.class);

    assertThat(report.outcome()).as(report.conclusion()).isNotEqualTo(Outcome.RESOLVED).isEqualTo(Outcome.ESCALATED);
    assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    String reopened = "Story " + sandbox.storyId() + " is Reopened";
    assertThat(report.conclusion()).contains(reopened);
    StepRecord monitoring = report.steps().get(report.steps().size() - 1);
    assertThat(monitoring.step()).isEqualTo(Step.MONITORING);
    // The sync itself was proven: only the story stands in the way.
    assertThat(monitoring.evidence()).anyMatch(e -> e.contains(reopened));
    assertThat(sandbox.state().storyStatus()).isEqualTo("Reopened");
    assertThat(report.bundleLocation()).isNotNull();
    // The bundle names the tenant and the failed provisioning log entries the audit review found.
    assertThat(report.support().entraTenantId()).isEqualTo(sandbox.config().entraTenantId());
    assertThat(report.support().provisioningLogIds()).isNotEmpty().doesNotContainNull();
    assertThat(java.nio.file.Files.readString(Path.of(report.bundleLocation())))
        .contains(sandbox.config().entraTenantId())
        .contains(report.support().provisioningLogIds().get(0));
  }

  @Test
  void aSecondFailureAfterTheFixKeepsTheFirstCyclesCauseAndCitesTheLatestFailure() throws Exception {
    start(Scenario.TWO_CYCLES);
    ScimPlaybookWorkflow run = startRun();
    approveRotation(run);
    awaitStatus(run, s -> s.step() == Step.MONITORING && s.cycle() == 1, "cycle 1's monitoring");

    ObjectNode event = sandbox.recordFailure();
    String reason = event.get("failure_reason").asText();
    run.failureReported(new ScimFailureEvent(ACCOUNT, SOURCE, null, reason,
        sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK, event.get("event_id").asText()));
    awaitStatus(run, s -> s.step() == Step.MONITORING && s.cycle() == 2, "cycle 2's monitoring");

    PlaybookReport report = client.newUntypedWorkflowStub(PlaybookIds.workflowId(ACCOUNT, SOURCE))
        .getResult(PlaybookReport.class);

    assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(report.cycles()).isEqualTo(2);
    assertThat(report.cycleCauses()).extracting(CycleCause::cycle, CycleCause::cause)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RootCause.TOKEN_MISMATCH),
            org.assertj.core.groups.Tuple.tuple(2, RootCause.TRANSIENT));
    assertThat(report.cycleCauses().get(1).failureReason()).isEqualTo(reason);
    assertThat(report.conclusion()).contains(reason).contains("cycle 1");
    assertThat(report.steps()).filteredOn(s -> s.cycle() == 2).extracting(StepRecord::step)
        .containsExactly(Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
  }

  private ScimPlaybookWorkflow startRun() {
    String workflowId = PlaybookIds.workflowId(ACCOUNT, SOURCE);
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(stub::run, new PlaybookInput(ACCOUNT, SOURCE, PlaybookOptions.defaults()));
    request.add(stub::failureReported, new ScimFailureEvent(ACCOUNT, SOURCE, Instant.now().minusSeconds(240),
        "invalid credentials", sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK));
    client.signalWithStart(request);
    return client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
  }

  private void approveRotation(ScimPlaybookWorkflow run) {
    PlaybookStatus waiting = awaitStatus(run,
        s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION, "an approval task");
    String token = sandbox.generateCatoToken();
    run.approveRotation(new RotationApproval(waiting.pendingTask().id(), "alice", seal.seal(token), null));
  }
}
