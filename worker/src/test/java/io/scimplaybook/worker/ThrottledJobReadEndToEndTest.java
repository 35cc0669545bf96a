package io.scimplaybook.worker;

import static io.scimplaybook.worker.RunWaits.awaitApprovalTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.sandbox.SandboxConfig;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graph throttling the job read, over HTTP: the sandbox answers the first reads 429 with Retry-After, the real client
 * turns that into a RateLimited failure carrying the delay, and the run retries until the job is read, so the recovery
 * check shows the job as the failure left it. More refusals than the six attempts job reads used to get.
 */
class ThrottledJobReadEndToEndTest {
  static final int REFUSALS = 7;
  @TempDir Path escalations;
  private SandboxWorker world;

  @BeforeEach
  void setUp() throws Exception {
    world = new SandboxWorker(SandboxConfig.defaults().withPort(0), escalations).start();
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void aThrottledJobReadIsRetriedUntilGraphAnswersAndItsEvidenceIsThere() {
    world.sandbox.throttleJobReads(REFUSALS);
    WorkflowClient client = world.client;
    String workflowId = PlaybookIds.workflowId("12345", "7");
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest start = client.newSignalWithStartRequest();
    start.add(stub::run, new PlaybookInput("12345", "7", PlaybookOptions.defaults()));
    start.add(stub::failureReported, new ScimFailureEvent("12345", "7", Instant.now().minusSeconds(240),
        "invalid credentials", world.sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK));
    client.signalWithStart(start);
    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);

    PlaybookStatus waiting = awaitApprovalTask(run);
    run.approveRotation(new RotationApproval(waiting.pendingTask().id(), "alice",
        world.seal.seal(world.sandbox.generateCatoToken()), null));
    PlaybookReport report = client.newUntypedWorkflowStub(workflowId).getResult(PlaybookReport.class);

    StepRecord check = report.steps().stream().filter(s -> s.step() == Step.RECOVERY_CHECK).findFirst().orElseThrow();
    assertThat(check.evidence()).anyMatch(e -> e.startsWith("Job before the fix: job Quarantine"));
    assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.RESOLVED);
  }
}
