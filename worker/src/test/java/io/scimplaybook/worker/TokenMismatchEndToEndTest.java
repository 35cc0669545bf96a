package io.scimplaybook.worker;

import static io.scimplaybook.worker.RunWaits.awaitApprovalTask;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxServer;
import io.scimplaybook.workflows.HistoryText;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The whole playbook over HTTP: real activities and clients against the sandbox's Cato and Entra, on the
 * time-skipping test server, through the token-mismatch scenario to RESOLVED after an approval.
 */
class TokenMismatchEndToEndTest {
  @TempDir Path escalations;
  private SandboxWorker world;
  private SandboxServer sandbox;
  private WorkflowClient client;
  private TokenSeal seal;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    world = new SandboxWorker(SandboxConfig.defaults().withPort(0), escalations).start();
    sandbox = world.sandbox;
    seal = world.seal;
    client = world.client;
  }

  @AfterEach
  void tearDown() {
    world.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  @Test
  void tokenMismatchIsResolvedAfterAnApprovedRotationAndTheTokenLeavesNoTrace() throws Exception {
    String workflowId = PlaybookIds.workflowId("12345", "7");
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest start = client.newSignalWithStartRequest();
    start.add(stub::run, new PlaybookInput("12345", "7", PlaybookOptions.defaults()));
    start.add(stub::failureReported, new ScimFailureEvent("12345", "7", Instant.now().minusSeconds(240),
        "invalid credentials", sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK));
    client.signalWithStart(start);
    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);

    PlaybookStatus waiting = awaitApprovalTask(run);
    assertThat(waiting.steps()).extracting(StepRecord::step)
        .containsExactly(Step.VERIFY, Step.PROVISION_ON_DEMAND, Step.AUDIT_REVIEW);
    String token = sandbox.generateCatoToken();
    run.approveRotation(new RotationApproval(waiting.pendingTask().id(), "alice", seal.seal(token), null));
    PlaybookReport report = client.newUntypedWorkflowStub(workflowId).getResult(PlaybookReport.class);

    assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(report.steps()).extracting(StepRecord::step).containsExactly(Step.VERIFY, Step.PROVISION_ON_DEMAND,
        Step.AUDIT_REVIEW, Step.TOKEN_ROTATION, Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
    // The sandbox's job stays quarantined until restarted, as Entra's does: RESOLVED needs the restart.
    assertThat(report.steps().get(5).evidence()).anyMatch(e -> e.startsWith("Restarted the job"));
    assertThat(report.steps().get(1).evidence()).anyMatch(e -> e.toLowerCase().contains("credential"));
    assertThat(sandbox.state().toString()).isNotEmpty();
    try (var files = Files.list(escalations)) {
      assertThat(files).isEmpty();
    }

    String history = HistoryText.of(client.fetchHistory(workflowId));
    String logText = logs.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    assertThat(history).contains("Approved by alice").doesNotContain(token);
    assertThat(logs.list).isNotEmpty();
    assertThat(logText).doesNotContain(token);
  }
}
