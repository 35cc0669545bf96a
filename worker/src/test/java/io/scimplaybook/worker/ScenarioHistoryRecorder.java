package io.scimplaybook.worker;

import static io.scimplaybook.worker.RunWaits.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.feed.EventsFeedActivitiesImpl;
import io.scimplaybook.activities.source.AttributedDelivery;
import io.scimplaybook.activities.source.RoutingActivitiesImpl;
import io.scimplaybook.api.EventRouterWorkflow;
import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.input.RouterInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxIdp;
import io.scimplaybook.sandbox.Scenario;
import io.scimplaybook.workflows.EventRouterWorkflowImpl;
import io.scimplaybook.workflows.EventsFeedPollerWorkflowImpl;
import io.scimplaybook.workflows.HistoryRecording;
import io.scimplaybook.workflows.RecordedWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records the histories {@code ReleasedHistoriesReplayTest} replays: every sandbox scenario played end to end by the
 * real worker (real activities and clients against the sandbox, on the time-skipping test server), the events-feed
 * poller across a continue-as-new, and the event router across one. Each history goes through
 * {@link HistoryRecording#write} (no secret, the newest release's change ids, the file it replaces still replays) into
 * {@code workflows/src/test/resources/histories/}.
 *
 * <p>Not part of the default build (its name is not a test's, and it needs the property). From the repository root:
 * {@code mvn -B -pl worker -am verify -Precord-histories} (README, "Recorded histories").
 */
@EnabledIfSystemProperty(named = ScenarioHistoryRecorder.FOLDER_PROPERTY, matches = ".+")
class ScenarioHistoryRecorder {
  static final String FOLDER_PROPERTY = "recordHistories";
  private static final String ACCOUNT = "12345";
  private static final String SOURCE = "7";

  @TempDir Path escalations;
  private SandboxWorker world;
  /** The secrets this recording made or used, name to value: none may be in a history. */
  private final Map<String, String> secrets = new LinkedHashMap<>();

  @AfterEach
  void tearDown() {
    if (world != null) {
      world.close();
    }
  }

  @Test
  void tokenMismatch() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.TOKEN_MISMATCH);
    approveRotation(run);
    recordPlaybook(Scenario.TOKEN_MISMATCH, Outcome.RESOLVED, RootCause.TOKEN_MISMATCH);
  }

  @Test
  void configChange() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.CONFIG_CHANGE);
    String task = awaitStatus(run, s -> pending(s, TaskKind.REVIEW_SUSPECTS), "the suspects review").pendingTask().id();
    HttpResponse<String> reverted = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(world.sandbox.baseUrl() + "/sandbox/cma/revert"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
    run.decideTask(new TaskDecision(task, Decision.REVERTED, "alice", "put corp.example.com back"));
    recordPlaybook(Scenario.CONFIG_CHANGE, Outcome.RESOLVED, RootCause.CONFIG_CHANGE);
  }

  @Test
  void transientFailure() throws Exception {
    startPlaybook(Scenario.TRANSIENT);
    recordPlaybook(Scenario.TRANSIENT, Outcome.RESOLVED, RootCause.TRANSIENT);
  }

  @Test
  void persistentFailure() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.PERSISTENT);
    approveRotation(run);
    recordPlaybook(Scenario.PERSISTENT, Outcome.ESCALATED, null);
  }

  @Test
  void scheduledCyclesStillFail() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.SCHEDULED_STILL_FAILS);
    approveRotation(run);
    recordPlaybook(Scenario.SCHEDULED_STILL_FAILS, Outcome.ESCALATED, RootCause.TOKEN_MISMATCH);
  }

  @Test
  void storyReopened() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.REOPENED_STORY);
    approveRotation(run);
    recordPlaybook(Scenario.REOPENED_STORY, Outcome.ESCALATED, RootCause.TOKEN_MISMATCH);
  }

  @Test
  void twoCycles() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.TWO_CYCLES);
    approveRotation(run);
    awaitStatus(run, s -> s.step() == Step.MONITORING && s.cycle() == 1, "cycle 1's monitoring");
    var event = world.sandbox.recordFailure();
    run.failureReported(new ScimFailureEvent(ACCOUNT, SOURCE, null, event.get("failure_reason").asText(),
        world.sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK, event.get("event_id").asText()));
    awaitStatus(run, s -> s.step() == Step.MONITORING && s.cycle() == 2, "cycle 2's monitoring");
    recordPlaybook(Scenario.TWO_CYCLES, Outcome.RESOLVED, RootCause.TOKEN_MISMATCH);
  }

  /** Okta: provision-now is automated, the token is pasted by a person (the app has no token auth) and checked. */
  @Test
  void oktaTokenMismatch() throws Exception {
    recordWithOperator(SandboxIdp.OKTA, Scenario.TOKEN_MISMATCH, Outcome.RESOLVED, RootCause.TOKEN_MISMATCH);
  }

  /** OneLogin: pushes are a person's, the config change is read from the events API as well as Cato's audit trail. */
  @Test
  void oneloginConfigChange() throws Exception {
    recordWithOperator(SandboxIdp.ONELOGIN, Scenario.CONFIG_CHANGE, Outcome.RESOLVED, RootCause.CONFIG_CHANGE);
  }

  /** A custom SCIM app: every IdP step is a person's, scheduled sync included. */
  @Test
  void customTokenMismatch() throws Exception {
    recordWithOperator(SandboxIdp.CUSTOM, Scenario.TOKEN_MISMATCH, Outcome.RESOLVED, RootCause.TOKEN_MISMATCH);
  }

  /**
   * A token mismatch whose approval waits while a flood of repeats and new events arrives in batches: the run continues
   * as new past its (lowered) history limit at the approval, and the run that takes over is approved and resolves.
   */
  @Test
  void floodContinuesAsNew() throws Exception {
    ScimPlaybookWorkflow run = startPlaybook(Scenario.TOKEN_MISMATCH, PlaybookOptions.defaults().withHistoryLimit(100));
    String id = PlaybookIds.workflowId(ACCOUNT, SOURCE);
    String first = world.client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    awaitStatus(run, s -> pending(s, TaskKind.APPROVE_ROTATION), "an approval task");
    for (int signal = 0; signal < 300; signal++) {
      List<ScimFailureEvent> batch = new java.util.ArrayList<>();
      for (int e = 0; e < 5; e++) {
        batch.add(new ScimFailureEvent(ACCOUNT, SOURCE, Instant.now().minusSeconds(60), "invalid credentials",
            world.sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK, "flood-" + signal + "-" + e));
      }
      run.failuresReported(new FailureBatch(batch));
      // Spaced as the doors space signals to one run (CoalescingDelivery's min-spacing): signals back to back keep a
      // continue-as-new from completing (README, "Floods").
      Thread.sleep(100);
      String current = world.client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
      if (!current.equals(first)) {
        break;
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String second = first;
    while (second.equals(first)) {
      assertThat(System.nanoTime()).as("the flooded run's continue-as-new").isLessThan(deadline);
      Thread.sleep(50);
      second = world.client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    }
    approveRotation(run);
    recordPlaybook("flood-resumed-then-resolved", Outcome.RESOLVED, RootCause.TOKEN_MISMATCH);
    record(RecordedWorkflow.PLAYBOOK, "flood-continued-as-new", id, first);
  }

  /**
   * The poller reads the sandbox's eventsFeed (its failure names no source, so delivery attributes it), continues as
   * new after two fetches, and is stopped in its second run. Transient: the run it starts needs nobody.
   */
  @Test
  void eventsFeedPoller() throws Exception {
    world(Scenario.TRANSIENT);
    world.worker.registerWorkflowImplementationTypes(EventsFeedPollerWorkflowImpl.class);
    world.worker.registerActivitiesImplementations(new EventsFeedActivitiesImpl(world.activities.catoGraphql(),
        new AttributedDelivery(world.activities.attribution(), world.client), EventsFeedActivitiesImpl.DEFAULT_FULL_PAGE));
    world.start();
    String id = PlaybookIds.pollerWorkflowId(ACCOUNT);
    EventsFeedPollerWorkflow poller = world.client.newWorkflowStub(EventsFeedPollerWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    PollerOptions options = new PollerOptions(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofMinutes(5), 2);
    WorkflowExecution first = WorkflowClient.start(poller::run,
        PollerInput.fresh(ACCOUNT, options, PlaybookOptions.defaults()));
    EventsFeedPollerWorkflow running = world.client.newWorkflowStub(EventsFeedPollerWorkflow.class, id);
    // Skipped time lets the poller wait out its interval; its third fetch is the continued run's first.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (running.status().polls() < 3) {
      assertThat(System.nanoTime()).as("the poller's third fetch").isLessThan(deadline);
      world.env.sleep(Duration.ofSeconds(20));
    }
    String second = world.client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    assertThat(second).isNotEqualTo(first.getRunId());
    running.stop();
    world.client.newUntypedWorkflowStub(id).getResult(Void.class);
    assertThat(running.status().eventsDelivered()).isEqualTo(1);

    record(RecordedWorkflow.POLLER, "feed-delivered-then-continued-as-new", id, first.getRunId());
    record(RecordedWorkflow.POLLER, "continued-then-stopped", id, second);
  }

  /**
   * The router of an account whose events name no source: it routes one batch to source 7's run, continues as new when
   * the next event comes (one batch per run), routes that one and completes when idle.
   */
  @Test
  void eventRouter() throws Exception {
    world(Scenario.TRANSIENT);
    world.worker.registerWorkflowImplementationTypes(EventRouterWorkflowImpl.class);
    world.worker.registerActivitiesImplementations(
        new RoutingActivitiesImpl(new AttributedDelivery(world.activities.attribution(), world.client)));
    world.start();
    String id = PlaybookIds.routerWorkflowId(ACCOUNT);
    EventRouterWorkflow router = world.client.newWorkflowStub(EventRouterWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = world.client.newSignalWithStartRequest();
    request.add(router::run, new RouterInput(ACCOUNT, PlaybookOptions.defaults(), List.of(), 0,
        RouterInput.DEFAULT_IDLE_TIMEOUT, 1));
    request.add(router::failureReported, noSource("router-event-1"));
    WorkflowExecution first = world.client.signalWithStart(request);
    EventRouterWorkflow running = world.client.newWorkflowStub(EventRouterWorkflow.class, id);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (running.status().batches() < 1) {
      assertThat(System.nanoTime()).as("the router's first batch").isLessThan(deadline);
      Thread.sleep(50);
    }
    running.failureReported(noSource("router-event-2"));
    world.client.newUntypedWorkflowStub(id).getResult(Void.class);
    String second = world.client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    assertThat(second).isNotEqualTo(first.getRunId());
    assertThat(running.status().eventsRouted()).isEqualTo(2);

    record(RecordedWorkflow.ROUTER, "routed-then-continued-as-new", id, first.getRunId());
    record(RecordedWorkflow.ROUTER, "carried-over-then-idle", id, second);
  }

  private static ScimFailureEvent noSource(String eventId) {
    return new ScimFailureEvent(ACCOUNT, null, Instant.now().minusSeconds(120), "invalid credentials", null,
        ScimFailureEvent.ORIGIN_WEBHOOK, eventId, null, "SCIM provisioning from Entra ID SCIM failed");
  }

  private void world(Scenario scenario) throws Exception {
    world(SandboxIdp.ENTRA, scenario);
  }

  private void world(SandboxIdp idp, Scenario scenario) throws Exception {
    world = new SandboxWorker(SandboxConfig.defaults().withPort(0).withIdp(idp).withScenario(scenario), escalations);
    secrets.put("the recording worker's seal key", world.sealKey);
    secrets.put("the sandbox's Cato API key", world.config.catoApiKey());
    secrets.put("the sandbox's Entra client secret", world.config.entraClientSecret());
    secrets.put("the sandbox's Okta API token", world.config.okta().apiToken());
    secrets.put("the sandbox's OneLogin client secret", world.config.onelogin().clientSecret());
  }

  /**
   * A run on another IdP, its tasks answered by {@link SandboxOperator} as in {@link EveryIdpEndToEndTest} (and its
   * windows), recorded as {@code <idp>-<scenario>}.
   */
  private void recordWithOperator(SandboxIdp idp, Scenario scenario, Outcome outcome, RootCause rootCause)
      throws Exception {
    world(idp, scenario);
    world.start();
    String workflowId = PlaybookIds.workflowId(ACCOUNT, SOURCE);
    signalWithStart(workflowId, EveryIdpEndToEndTest.OPTIONS);
    SandboxOperator operator = new SandboxOperator(world);
    try {
      operator.playToEnd(world.client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId), workflowId);
    } finally {
      for (int i = 0; i < operator.tokens.size(); i++) {
        secrets.put("CMA token " + (i + 1) + " the operator approved", operator.tokens.get(i));
      }
    }
    recordPlaybook(idp.wireName() + "-" + scenario.wireName(), outcome, rootCause);
  }

  /** Starts the scenario's run as the webhook does: signal-with-start with its first failure event. */
  private ScimPlaybookWorkflow startPlaybook(Scenario scenario) throws Exception {
    return startPlaybook(scenario, PlaybookOptions.defaults());
  }

  private ScimPlaybookWorkflow startPlaybook(Scenario scenario, PlaybookOptions options) throws Exception {
    world(scenario);
    world.start();
    String workflowId = PlaybookIds.workflowId(ACCOUNT, SOURCE);
    signalWithStart(workflowId, options);
    return world.client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
  }

  private void signalWithStart(String workflowId, PlaybookOptions options) {
    ScimPlaybookWorkflow stub = world.client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest request = world.client.newSignalWithStartRequest();
    request.add(stub::run, new PlaybookInput(ACCOUNT, SOURCE, options));
    request.add(stub::failureReported, new ScimFailureEvent(ACCOUNT, SOURCE, Instant.now().minusSeconds(240),
        "invalid credentials", world.sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK));
    world.client.signalWithStart(request);
  }

  private void approveRotation(ScimPlaybookWorkflow run) {
    String task = awaitStatus(run, s -> pending(s, TaskKind.APPROVE_ROTATION), "an approval task").pendingTask().id();
    String token = world.sandbox.generateCatoToken();
    secrets.put("the CMA token the operator approved", token);
    run.approveRotation(new RotationApproval(task, "alice", world.seal.seal(token), "recorded scenario"));
  }

  /** Waits for the end (skipping time), checks it is the scenario's, and records the run. */
  private void recordPlaybook(Scenario scenario, Outcome outcome, RootCause rootCause) throws Exception {
    recordPlaybook(scenario.wireName(), outcome, rootCause);
  }

  private void recordPlaybook(String scenario, Outcome outcome, RootCause rootCause) throws Exception {
    String id = PlaybookIds.workflowId(ACCOUNT, SOURCE);
    PlaybookReport report;
    try {
      // Bounded: the test server can wedge a run under a flood (sdk-java#3088); say where it stood rather than hang.
      report = world.client.newUntypedWorkflowStub(id).getResult(2, java.util.concurrent.TimeUnit.MINUTES,
          PlaybookReport.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the " + scenario + " run did not end in 2 minutes; its status: "
          + world.client.newWorkflowStub(ScimPlaybookWorkflow.class, id).status(), e);
    }
    assertThat(report.outcome()).as(report.conclusion()).isEqualTo(outcome);
    if (rootCause != null) {
      assertThat(report.rootCause()).as(report.conclusion()).isEqualTo(rootCause);
    }
    record(RecordedWorkflow.PLAYBOOK, scenario, id,
        world.client.newUntypedWorkflowStub(id).describe().getExecution().getRunId());
  }

  private void record(RecordedWorkflow workflow, String scenario, String workflowId, String runId) throws Exception {
    Path folder = Path.of(System.getProperty(FOLDER_PROPERTY));
    assertThat(Files.isDirectory(folder)).as(folder + " is a directory").isTrue();
    Path file = HistoryRecording.write(folder, workflow, scenario,
        world.client.fetchHistory(workflowId, runId), secrets);
    System.out.println("recorded " + file);
  }

  private static boolean pending(PlaybookStatus status, TaskKind kind) {
    return status.pendingTask() != null && status.pendingTask().kind() == kind;
  }
}
