package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.scimplaybook.api.PlaybookStartOptions;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.starter.PlaybookProperties;
import io.scimplaybook.testkit.SignalLog;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PlaybookStarterTest {

  static final TemporalTestServer temporal = TemporalTestServer.start();

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @Test
  void anEventThatLosesTheStartRaceIsDeliveredAsASignalToTheWinner() {
    AtomicReference<String> winnerRunId = new AtomicReference<>();
    PlaybookStarter starter = new PlaybookStarter(clientLosingTheFirstStartRace(winnerRunId), defaults());

    AcceptedEvent accepted = starter.accept(event("8001", "race", "lost the race"));

    assertThat(accepted.workflowId()).isEqualTo("scim-playbook-8001-race");
    assertThat(accepted.runId()).isEqualTo(winnerRunId.get()).isNotBlank();
    SignalLog log = temporal.awaitReceived("scim-playbook-8001-race", l -> l.failures().size() == 1);
    assertThat(log.failures().get(0).reason()).isEqualTo("lost the race");
  }

  @Test
  void staticDetailsNameTheReasonAndTheStory() {
    assertThat(PlaybookStartOptions.staticDetails(new ScimFailureEvent("1", "s", Instant.parse("2025-06-01T08:30:00Z"),
        "token\nexpired", "story-3", ScimFailureEvent.ORIGIN_WEBHOOK)))
        .contains("token expired").contains("story-3").contains("2025-06-01T08:30:00Z");
  }

  /**
   * What the Java test server does when two first events race: another caller's start wins and this
   * signal-with-start fails with ALREADY_EXISTS naming the winner's run, its signal not delivered.
   */
  private static WorkflowClient clientLosingTheFirstStartRace(AtomicReference<String> winnerRunId) {
    WorkflowClientInterceptorBase racer = new WorkflowClientInterceptorBase() {
      @Override
      public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
          @Override
          public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
            if (winnerRunId.get() != null) {
              return super.signalWithStart(input);
            }
            String runId = super.start(input.getWorkflowStartInput()).getWorkflowExecution().getRunId();
            winnerRunId.set(runId);
            throw StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.ALREADY_EXISTS.value())
                .setMessage("Workflow execution is already running")
                .addDetails(Any.pack(WorkflowExecutionAlreadyStartedFailure.newBuilder().setRunId(runId).build()))
                .build());
          }
        };
      }
    };
    return WorkflowClient.newInstance(temporal.env().getWorkflowServiceStubs(), WorkflowClientOptions.newBuilder()
        .setNamespace(TemporalTestServer.NAMESPACE).setInterceptors(racer).build());
  }

  private static PlaybookProperties defaults() {
    PlaybookOptions d = PlaybookOptions.defaults();
    return new PlaybookProperties(d.monitoringWindow(), d.approvalTimeout(), d.reminderInterval(), d.auditWindow(),
        d.verificationLookback(), d.maxCycles(), d.maxTokenAttempts(), d.recoveryProofBound(), true,
        d.maxClaimReopens());
  }

  private static ScimFailureEvent event(String accountId, String sourceId, String reason) {
    return new ScimFailureEvent(accountId, sourceId, Instant.parse("2025-06-01T08:30:00Z"), reason, null,
        ScimFailureEvent.ORIGIN_WEBHOOK);
  }
}
