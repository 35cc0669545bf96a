package io.scimplaybook.testkit;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The Java test server on a loopback port, with a worker for the fake playbook and the fake poller: the CLI and the
 * Spring-configured client reach it over real gRPC, exactly as they would reach a cluster.
 */
public final class TemporalTestServer implements AutoCloseable {

  public static final String NAMESPACE = "default";
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final LoopbackTestServer server;
  private final TestWorkflowEnvironment env;

  private TemporalTestServer(LoopbackTestServer server, TestWorkflowEnvironment env) {
    this.server = server;
    this.env = env;
  }

  public static TemporalTestServer start() {
    // Time skipping locked: the fake has no timers, and wall-clock time keeps task timeouts ordinary.
    LoopbackTestServer server = LoopbackTestServer.start(true);
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setUseExternalService(true)
        .setTarget(server.target())
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build())
        .build());
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    env.newWorker(PlaybookIds.TASK_QUEUE)
        .registerWorkflowImplementationTypes(FakePlaybookWorkflow.class, FakePollerWorkflow.class,
            FakeFleetWatchWorkflow.class);
    env.start();
    return new TemporalTestServer(server, env);
  }

  /** A loopback port nothing listens on: "Temporal is down". */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String target() {
    return server.target();
  }

  public WorkflowClient client() {
    return env.getWorkflowClient();
  }

  public TestWorkflowEnvironment env() {
    return env;
  }

  /** Starts a fake run the way the webhook does, with one failure event, and waits until the run has it. */
  public String startRun(String accountId, String sourceId) {
    String workflowId = PlaybookIds.workflowId(accountId, sourceId);
    ScimPlaybookWorkflow run = client().newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = client().newSignalWithStartRequest();
    request.add(run::run, new PlaybookInput(accountId, sourceId, PlaybookOptions.defaults()));
    request.add(run::failureReported, new ScimFailureEvent(accountId, sourceId,
        Instant.parse("2025-06-01T08:30:00Z"), "SCIM server returned 401 Unauthorized", "story-77",
        ScimFailureEvent.ORIGIN_WEBHOOK));
    client().signalWithStart(request);
    awaitReceived(workflowId, log -> log.failures().size() == 1);
    return workflowId;
  }

  public SignalLog received(String workflowId) {
    return client().newWorkflowStub(ReceivedSignals.class, workflowId).received();
  }

  /**
   * Polls the fake's query until {@code condition} holds: a signal shows once the workflow task that handles it
   * completes, not when the signal call returns. Bounded; each round trip paces the loop.
   */
  public SignalLog awaitReceived(String workflowId, Predicate<SignalLog> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    SignalLog last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = received(workflowId);
        if (condition.test(last)) {
          return last;
        }
      } catch (WorkflowNotFoundException e) {
        // not started yet
      }
    }
    throw new AssertionError("the fake playbook " + workflowId + " never got there within " + WAIT + "; last: " + last);
  }

  public boolean exists(String workflowId) {
    try {
      client().newUntypedWorkflowStub(workflowId).describe();
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  public int openRuns() {
    return env.getWorkflowServiceStubs().blockingStub()
        .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(NAMESPACE).build())
        .getExecutionsCount();
  }

  @Override
  public void close() {
    env.close();
    server.close();
  }
}
