package io.scimplaybook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.PollerStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxServer;
import io.scimplaybook.worker.WorkerApplication;
import io.scimplaybook.workflows.EventsFeedPollerWorkflowImpl;
import io.scimplaybook.workflows.ScimPlaybookWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.spring.boot.autoconfigure.template.WorkersTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's wiring: the worker application as it ships (application.yml, the sandbox profile, ActivityBeans) against the loopback
 * embedded server and the sandbox: both workflow types and every activity bean are on task queue scim-playbook, and a
 * poller started by a client reads the sandbox's eventsFeed and hands its failure to a playbook run that goes all the
 * way to RESOLVED on the same worker.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("sandbox")
class DemoWiringTest {

  static final EmbeddedTemporalServer temporal = startTemporal();
  static final SandboxServer sandbox = startSandbox();
  static final String SEAL_KEY = TokenSeal.newBase64Key();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) throws IOException {
    registry.add("spring.temporal.connection.target", temporal::target);
    registry.add("SANDBOX_PORT", sandbox::port);
    registry.add("scim-playbook.seal-key", () -> SEAL_KEY);
    registry.add("scim-playbook.escalation-dir", Files.createTempDirectory("escalations")::toString);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    temporal.close();
  }

  @Autowired WorkersTemplate workers;
  @Autowired WorkflowClient client;

  @Test
  void everyWorkflowTypeAndActivityBeanIsOnTheScimPlaybookQueueAndThePaceLimitersOnTheirOwn() {
    Map<String, WorkersTemplate.RegisteredInfo> registered = workers.getRegisteredInfo();

    assertThat(registered).containsOnlyKeys(PlaybookIds.TASK_QUEUE, io.scimplaybook.api.pacing.PaceLimiterWorkflow.TASK_QUEUE);
    assertThat(registered.get(io.scimplaybook.api.pacing.PaceLimiterWorkflow.TASK_QUEUE).getRegisteredWorkflowInfo())
        .extracting(WorkersTemplate.RegisteredWorkflowInfo::getImplementationClass)
        .containsExactly(io.scimplaybook.workflows.PaceLimiterWorkflowImpl.class);
    assertThat(registered.get(io.scimplaybook.api.pacing.PaceLimiterWorkflow.TASK_QUEUE).getRegisteredActivityInfo()).isEmpty();
    WorkersTemplate.RegisteredInfo queue = registered.get(PlaybookIds.TASK_QUEUE);
    assertThat(queue.getRegisteredWorkflowInfo()).extracting(WorkersTemplate.RegisteredWorkflowInfo::getImplementationClass)
        .containsExactlyInAnyOrder(ScimPlaybookWorkflowImpl.class, EventsFeedPollerWorkflowImpl.class,
            io.scimplaybook.workflows.EventRouterWorkflowImpl.class, io.scimplaybook.workflows.FleetWatchWorkflowImpl.class);
    assertThat(queue.getRegisteredActivityInfo()).extracting(WorkersTemplate.RegisteredActivityInfo::getBeanName)
        .containsExactlyInAnyOrder("sourceActivities", "catoActivities", "idpActivities", "tokenRotationActivities",
            "escalationActivities", "notificationActivities", "eventsFeedActivities", "routingActivities",
            "fleetActivities");
    assertThat(queue.getRegisteredActivityInfo())
        .flatMap(info -> info.getMetadata().getActivityInterfaces())
        .extracting(POJOActivityInterfaceMetadata::getInterfaceClass)
        .contains(SourceActivities.class, CatoActivities.class, IdpActivities.class, TokenRotationActivities.class,
            EscalationActivities.class, io.scimplaybook.api.activities.NotificationActivities.class,
            EventsFeedActivities.class,
            io.scimplaybook.api.activities.RoutingActivities.class);
  }

  @Test
  void aPollerReadsTheSandboxFeedAndItsFailureRunsThePlaybookToResolved() throws Exception {
    String account = sandbox.config().accountId();
    String pollerId = PlaybookIds.pollerWorkflowId(account);
    EventsFeedPollerWorkflow poller = client.newWorkflowStub(EventsFeedPollerWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(pollerId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    PlaybookOptions playbook = PlaybookOptions.defaults().withMonitoringWindow(Duration.ofSeconds(2));
    WorkflowClient.start(poller::run, PollerInput.fresh(account,
        PollerOptions.defaults().withPollInterval(Duration.ofSeconds(1)), playbook));

    String runId = PlaybookIds.workflowId(account, sandbox.config().sourceId());
    // The playbook run exists once the poller delivered; describe, unlike a query, needs no workflow task.
    await(() -> client.newUntypedWorkflowStub(runId).describe(), d -> true);
    // Stopped once it has delivered, so later sandbox failures cannot open another monitoring cycle.
    client.newWorkflowStub(EventsFeedPollerWorkflow.class, pollerId).stop();
    client.newUntypedWorkflowStub(pollerId).getResult(30, TimeUnit.SECONDS, Void.class);
    PollerStatus polled = client.newWorkflowStub(EventsFeedPollerWorkflow.class, pollerId).status();
    assertThat(polled.eventsDelivered()).isGreaterThanOrEqualTo(1);
    assertThat(polled.marker()).isNotNull();

    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, runId);
    PlaybookStatus waiting = await(run::status,
        s -> s.outcome() != null || (s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION));
    assertThat(waiting.outcome()).isNull();
    assertThat(waiting.failures().count()).isGreaterThanOrEqualTo(1);

    run.approveRotation(new RotationApproval(waiting.pendingTask().id(), "alice",
        TokenSeal.fromBase64Key(SEAL_KEY).seal(sandbox.generateCatoToken()), null));
    PlaybookReport report = client.newUntypedWorkflowStub(runId).getResult(30, TimeUnit.SECONDS,
        PlaybookReport.class);

    assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(report.timeline()).anySatisfy(e -> assertThat(e.text()).contains(ScimFailureEvent.ORIGIN_EVENTS_FEED));
  }

  private static <T> T await(Supplier<T> read, Predicate<T> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = read.get();
        if (condition.test(last)) {
          return last;
        }
      } catch (WorkflowNotFoundException e) {
        // not started yet
      }
      sleepBriefly();
    }
    throw new AssertionError("never got there within 30 s; last: " + last);
  }

  /** Paces the polling of a wall-clock server; nothing waits on it for correctness. */
  private static void sleepBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static EmbeddedTemporalServer startTemporal() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = probe.getLocalPort();
      probe.close();
      return EmbeddedTemporalServer.start(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SandboxServer startSandbox() {
    try {
      return SandboxServer.start(SandboxConfig.defaults().withPort(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
