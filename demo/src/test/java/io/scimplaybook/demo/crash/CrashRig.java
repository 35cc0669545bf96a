package io.scimplaybook.demo.crash;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.demo.EmbeddedTemporalServer;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxServer;
import io.scimplaybook.sandbox.Scenario;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What outlives the worker in a crash test: Temporal's Java test server (port-bound, wall-clock time) and the sandbox,
 * both in the test JVM so the test sees the server's history and the sandbox's state. Workers are the production jar
 * in JVMs of their own, started and SIGKILLed by the test.
 */
final class CrashRig implements AutoCloseable {
  /**
   * Every activity's start-to-close in the crash tests' workers: a call a killed worker held is handed to the next one
   * after this (plus the call's first retry interval, 2 to 5 s), instead of ActivityPolicies' 30 s to 2 min.
   */
  static final Duration ACTIVITY_START_TO_CLOSE = Duration.ofSeconds(5);
  static final Duration WORKER_READY_WITHIN = Duration.ofMinutes(2);

  final EmbeddedTemporalServer temporal;
  final SandboxServer sandbox;
  final WorkflowServiceStubs service;
  final WorkflowClient client;
  final TokenSeal seal;
  final Path escalations;
  final String workflowId;
  private final Path workerJar;
  private final Path logs;
  private final String sealKey;
  private final List<WorkerProcess> workers = new ArrayList<>();

  CrashRig(Scenario scenario, Path workerJar, Path dir) throws IOException {
    this.workerJar = workerJar;
    this.logs = Files.createDirectories(dir.resolve("logs"));
    this.escalations = Files.createDirectories(dir.resolve("escalations"));
    temporal = EmbeddedTemporalServer.start(0);
    sandbox = SandboxServer.start(SandboxConfig.defaults().withPort(0).withScenario(scenario));
    service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    client = WorkflowClient.newInstance(service);
    sealKey = TokenSeal.newBase64Key();
    seal = TokenSeal.fromBase64Key(sealKey);
    workflowId = PlaybookIds.workflowId(sandbox.config().accountId(), sandbox.config().sourceId());
  }

  /** The first failure event starts the run, as the webhook does: signal-with-start. */
  ScimPlaybookWorkflow startRun(PlaybookOptions options) {
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest start = client.newSignalWithStartRequest();
    String account = sandbox.config().accountId();
    String source = sandbox.config().sourceId();
    start.add(stub::run, new PlaybookInput(account, source, options));
    start.add(stub::failureReported, new ScimFailureEvent(account, source, Instant.now().minusSeconds(240),
        "invalid credentials", sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK));
    client.signalWithStart(start);
    return client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
  }

  /** A new worker JVM on the production jar, ready to poll. */
  WorkerProcess startWorker() throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>();
    env.put("TEMPORAL_ADDRESS", temporal.target());
    env.put("SPRING_PROFILES_ACTIVE", "sandbox");
    env.put("SANDBOX_HOST", "127.0.0.1");
    env.put("SANDBOX_PORT", String.valueOf(sandbox.port()));
    env.put("SCIM_PLAYBOOK_SEAL_KEY", sealKey);
    env.put("SCIM_PLAYBOOK_ESCALATION_DIR", escalations.toString());
    // The worker's actuator port: any free one, so a demo or a second build on this machine cannot collide with it.
    env.put("WORKER_HTTP_PORT", "0");
    // The failover settings crash tests need on the Java test server (README, Configuration), exact property names.
    env.put("SPRING_APPLICATION_JSON", "{\"scim-playbook\":{\"failover\":{\"sticky-execution\":false,"
        + "\"activity-start-to-close\":\"" + ACTIVITY_START_TO_CLOSE + "\"}}}");
    Path log = logs.resolve("worker-" + (workers.size() + 1) + ".log");
    WorkerProcess worker = WorkerProcess.start(workerJar, env, log, WORKER_READY_WITHIN);
    workers.add(worker);
    // Issue 12: a secret on a command line shows in every process listing.
    String commandLine = ProcessHandle.of(worker.pid()).flatMap(p -> p.info().commandLine()).orElse("");
    if (commandLine.contains(sealKey)) {
      throw new AssertionError("the seal key is on the worker's command line");
    }
    return worker;
  }

  List<WorkerProcess> workers() {
    return List.copyOf(workers);
  }

  /** Arms a tripwire on the sandbox; only one is armed at a time. */
  Tripwire trip(String name, Predicate<io.scimplaybook.sandbox.SandboxRequest> matches) {
    Tripwire wire = new Tripwire(name, matches);
    sandbox.onRequest(wire);
    return wire;
  }

  /** Polls the run's status (answered by a live worker) until it matches. */
  PlaybookStatus awaitStatus(ScimPlaybookWorkflow run, Predicate<PlaybookStatus> wanted, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    PlaybookStatus last = null;
    while (System.nanoTime() < deadline) {
      last = run.status();
      if (wanted.test(last)) {
        return last;
      }
      if (last.outcome() != null) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run never reached: " + what + "; last status step " + (last == null ? null
        : last.step() + ", outcome " + last.outcome()));
  }

  /** The run's pending activities, as the server sees them (no worker needed). */
  List<PendingActivityInfo> pendingActivities() {
    return service.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace("default")
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
        .build()).getPendingActivitiesList();
  }

  @Override
  public void close() {
    for (WorkerProcess worker : workers) {
      if (worker.alive()) {
        try {
          worker.stop();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    sandbox.close();
    service.shutdownNow();
    temporal.close();
  }
}
