package io.scimplaybook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.demo.EmbeddedTemporalServer;
import io.scimplaybook.sandbox.FleetFailure;
import io.scimplaybook.sandbox.FleetLimits;
import io.scimplaybook.sandbox.FleetSource;
import io.scimplaybook.sandbox.FleetStandIn;
import io.scimplaybook.sandbox.RateWindow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fleet benchmark (issue 14; method and figures in docs/fleet-benchmark.md). In this JVM, capped at 512 MiB: the
 * embedded Temporal test server in wall-clock time, the sandbox's fleet stand-in with the vendors' rate limits, and
 * the production worker configured with every source of the fleet. K failure events arrive within a minute through
 * {@link PlaybookDelivery} (the webhook's and the poller's own way in); the harness answers the real problems' tasks
 * as an operator would and leaves the provider incident's alone; then it reads every run's history and reports.
 *
 * <p>Only in the {@code fleet-benchmark} profile: {@code mvn -B -Pfleet-benchmark -pl bench -am verify}.
 */
class FleetBenchmark {
  private static final Set<String> TODAYS_WORKFLOW_TYPES =
      Set.of("ScimPlaybookWorkflow", "EventsFeedPollerWorkflow", "EventRouterWorkflow");
  private static final Set<String> TODAYS_ACTIVITY_TYPES = Set.of("AddStoryComment", "CheckClaim", "CheckTokenAtCato",
      "Deliver", "DeliverBundle", "DeliverNotification", "DescribeSource", "FetchFailures", "FindDomainChanges",
      "FindFailureEvents", "FindIdpChanges", "FindProvisioningFailures", "FindScimStories", "GetStory", "JobStatus",
      "ProvisionOnDemand", "RestartJob", "Route", "SaveTokenAtIdp", "TestTokenAtIdp");
  private static final Set<String> TODAYS_STEPS = Set.of("AWAITING_EVENT", "VERIFY", "PROVISION_ON_DEMAND",
      "AUDIT_REVIEW", "OPERATOR_REVIEW", "TOKEN_ROTATION", "RECOVERY_CHECK", "MONITORING", "ESCALATION", "DONE");

  @Test
  void fleet() throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    Files.createDirectories(settings.out());
    // Support bundles of an earlier benchmark would be counted with this one's by whoever looks.
    if (Files.isDirectory(settings.out().resolve("escalations"))) {
      try (var old = Files.walk(settings.out().resolve("escalations"))) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    FleetLimits limits = FleetLimits.documented();
    LowerBound bound = LowerBound.of(settings.plan(), limits, settings.spread());
    Duration incident = settings.incidentFor(bound.bound());
    Duration timeout = settings.timeoutFor(bound.bound(), incident);
    say("fleet: " + settings.plan() + "; events spread over " + settings.spread() + "; incident " + incident
        + "; monitoring window " + settings.monitoringWindow() + ", recovery timeout " + settings.recoveryTimeout()
        + "; gives up after " + timeout);
    say("lower bound from the rate limits: " + secs(bound.bound()) + " s " + bound.terms());

    try (HeapWatch heap = new HeapWatch();
        EmbeddedTemporalServer server = EmbeddedTemporalServer.start(0);
        FleetStandIn fleet = FleetStandIn.start(settings.plan(), limits)) {
      String sealKey = TokenSeal.newBase64Key();
      Instant workerStarting = Instant.now();
      ConfigurableApplicationContext worker = FleetWorker.start(server.target(), fleet, sealKey, settings.out());
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      try {
        say("worker up in " + Duration.between(workerStarting, Instant.now()).toMillis() + " ms, "
            + fleet.sources().size() + " sources configured");
        Map<String, Object> result = run(settings, bound, incident, timeout, heap, fleet,
            WorkflowClient.newInstance(stubs), TokenSeal.fromBase64Key(sealKey),
            new SdkTimers(worker.getBean(MeterRegistry.class)));
        write(settings, result);
      } finally {
        stubs.shutdownNow();
        worker.close();
      }
    }
  }

  private Map<String, Object> run(BenchSettings settings, LowerBound bound, Duration incident, Duration timeout,
      HeapWatch heap, FleetStandIn fleet, WorkflowClient client, TokenSeal seal, SdkTimers sdk) throws Exception {
    List<FleetSource> failing = fleet.sources().stream().filter(FleetSource::failing).toList();
    Map<String, FleetSource> byRun = new LinkedHashMap<>();
    failing.forEach(s -> byRun.put(PlaybookIds.workflowId(s.accountId(), s.sourceId()), s));
    PlaybookOptions options = PlaybookOptions.defaults()
        .withMonitoringWindow(settings.monitoringWindow())
        .withRecoveryProofTimeout(settings.recoveryTimeout());

    Instant t0 = Instant.now().plusSeconds(2);
    Instant incidentEnds = t0.plus(incident);
    fleet.incidentUntil(incidentEnds);
    Map<String, String> deliveryErrors = new ConcurrentHashMap<>();
    AtomicInteger delivered = new AtomicInteger();
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
    long spreadNanos = settings.spread().toNanos();
    long startDelay = Duration.between(Instant.now(), t0).toNanos();
    for (int i = 0; i < failing.size(); i++) {
      FleetSource s = failing.get(i);
      long at = startDelay + spreadNanos * i / failing.size();
      senders.schedule(() -> {
        ScimFailureEvent event = new ScimFailureEvent(s.accountId(), s.sourceId(), Instant.now(),
            s.failure().catoReason(), fleet.storyId(s.accountId()), ScimFailureEvent.ORIGIN_WEBHOOK,
            "fleet-" + s.accountId() + "-" + s.sourceId());
        try {
          PlaybookDelivery.deliver(client, event, options);
          delivered.incrementAndGet();
        } catch (RuntimeException e) {
          deliveryErrors.put(PlaybookIds.workflowId(s.accountId(), s.sourceId()), String.valueOf(e));
        }
      }, at, TimeUnit.NANOSECONDS);
    }
    senders.shutdown();

    AutoOperator operator = new AutoOperator(client, fleet, seal);
    Set<String> realProblemRuns = operator.realProblems().stream()
        .map(s -> PlaybookIds.workflowId(s.accountId(), s.sourceId())).collect(Collectors.toSet());
    Set<String> diagnosed = new HashSet<>();
    Set<String> closed = new HashSet<>();
    Instant giveUp = t0.plus(timeout);
    Instant lastLook = Instant.MIN;
    boolean done = false;
    while (!done && Instant.now().isBefore(giveUp)) {
      Thread.sleep(2000);
      operator.answerPending(closed);
      if (Duration.between(lastLook, Instant.now()).toSeconds() < 10) {
        continue;
      }
      lastLook = Instant.now();
      sdk.sample();
      for (String id : byRun.keySet()) {
        if (diagnosed.contains(id) && (closed.contains(id) || !realProblemRuns.contains(id))) {
          continue;
        }
        try {
          WorkflowExecutionDescription d = client.newUntypedWorkflowStub(id).describe();
          String step = d.getTypedSearchAttributes().get(PlaybookSearchAttributes.STEP);
          boolean isClosed = d.getWorkflowExecutionInfo().getStatus()
              != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
          if (isClosed) {
            closed.add(id);
          }
          // Settled: it has its diagnosis, or it has ended without one (which history tells apart afterwards).
          if (isClosed || RunFacts.DIAGNOSED_STEPS.contains(step) || RunFacts.END_STEPS.contains(step)) {
            diagnosed.add(id);
          }
        } catch (RuntimeException notStartedYet) {
          // its event is still to come
        }
      }
      long realOpen = realProblemRuns.stream().filter(id -> !closed.contains(id)).count();
      say(String.format("t+%4ds  delivered %d/%d  settled %d  real problems still open %d  over-limit answers %d"
              + "  incident 500s %d  heap after GC peak %d MiB",
          Duration.between(t0, Instant.now()).toSeconds(), delivered.get(), failing.size(), diagnosed.size(), realOpen,
          fleet.overLimitAnswers(), fleet.incidentAnswers(), heap.peakUsedAfterGc() >> 20));
      done = delivered.get() + deliveryErrors.size() == failing.size() && diagnosed.size() == failing.size()
          && realOpen == 0;
    }
    Instant stopped = Instant.now();
    senders.shutdownNow();
    Map<String, Object> sdkSummary = sdk.summary();

    // Read every run's history; then the namespace's other workflow types (a fleet-incident run, a limiter).
    Map<String, RunFacts> facts = new LinkedHashMap<>();
    for (String id : byRun.keySet()) {
      try {
        facts.put(id, RunFacts.read(id, client.fetchHistory(id)));
      } catch (RuntimeException e) {
        deliveryErrors.putIfAbsent(id, "no history: " + e);
      }
    }
    Map<String, List<String>> otherWorkflows = otherWorkflowTypes(client);
    Files.writeString(settings.out().resolve("runs.csv"), runsCsv(t0, byRun, facts));
    return report(settings, bound, incident, t0, incidentEnds, stopped, done, fleet, byRun, facts, operator, heap,
        sdkSummary, otherWorkflows, deliveryErrors, delivered.get());
  }

  private Map<String, Object> report(BenchSettings settings, LowerBound bound, Duration incident, Instant t0,
      Instant incidentEnds, Instant stopped, boolean finished, FleetStandIn fleet, Map<String, FleetSource> byRun,
      Map<String, RunFacts> facts, AutoOperator operator, HeapWatch heap, Map<String, Object> sdkSummary,
      Map<String, List<String>> otherWorkflows, Map<String, String> deliveryErrors, int delivered) {
    Map<String, Object> r = new LinkedHashMap<>();
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put("accounts", settings.plan().accounts());
    setup.put("sources_per_account", settings.plan().sourcesPerAccount());
    setup.put("failing", settings.plan().failing());
    Map<String, Long> mix = byRun.values().stream()
        .collect(Collectors.groupingBy(s -> s.failure().name(), TreeMap::new, Collectors.counting()));
    setup.put("failing_by_cause", mix);
    setup.put("events_spread_s", secs(settings.spread()));
    setup.put("incident_s", secs(incident));
    setup.put("monitoring_window", settings.monitoringWindow().toString());
    setup.put("recovery_proof_timeout", settings.recoveryTimeout().toString());
    setup.put("max_heap_mib", HeapWatch.maxHeap() >> 20);
    setup.put("started", t0.toString());
    setup.put("finished_before_timeout", finished);
    setup.put("wall_s", secs(Duration.between(t0, stopped)));
    r.put("setup", setup);

    // Time to diagnosis, from the first event.
    List<Duration> toDiagnosis = new ArrayList<>();
    int undiagnosed = 0;
    Map<String, Long> diagnosisSteps = new TreeMap<>();
    Map<String, Long> gaveUp = new TreeMap<>();
    for (RunFacts f : facts.values()) {
      if (f.diagnosedAt() == null) {
        undiagnosed++;
        if (f.endedUndiagnosed()) {
          gaveUp.merge(f.outcome() + "/" + f.rootCause() + ": " + f.conclusion(), 1L, Long::sum);
        }
      } else {
        toDiagnosis.add(f.timeToDiagnosis(t0));
        diagnosisSteps.merge(f.diagnosisStep(), 1L, Long::sum);
      }
    }
    undiagnosed += byRun.size() - facts.size();
    Latencies diagnosis = Latencies.of(toDiagnosis);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("runs", byRun.size());
    d.put("diagnosed", toDiagnosis.size());
    d.put("not_diagnosed", undiagnosed);
    d.put("ended_without_diagnosis", gaveUp);
    d.put("all_diagnosed_after_s", undiagnosed == 0 ? diagnosis.maxMillis() / 1000.0 : null);
    d.put("last_diagnosis_s", diagnosis.maxMillis() / 1000.0);
    d.put("median_s", diagnosis.p50Millis() / 1000.0);
    d.put("p95_s", diagnosis.p95Millis() / 1000.0);
    d.put("lower_bound_s", secs(bound.bound()));
    d.put("ratio_to_lower_bound", undiagnosed == 0 && !bound.bound().isZero()
        ? Math.round(100.0 * diagnosis.maxMillis() / bound.bound().toMillis()) / 100.0 : null);
    d.put("diagnosis_step", diagnosisSteps);
    List<Map<String, Object>> terms = new ArrayList<>();
    for (LowerBound.Term t : bound.terms()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("limit", t.limit());
      m.put("calls", t.calls());
      m.put("per_window", t.perWindow());
      m.put("window_s", secs(t.window()));
      m.put("bound_s", secs(t.bound()));
      terms.add(m);
    }
    d.put("lower_bound_terms", terms);
    d.put("last_event_arrival_s", secs(bound.lastArrival()));
    r.put("diagnosis", d);

    // Over-limit answers, per limit.
    Map<String, Object> over = new LinkedHashMap<>();
    long totalOver = 0;
    for (RateWindow w : fleet.limits()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("admitted", w.admitted());
      m.put("over_limit", w.refused());
      m.put("keys_over_limit", w.refusedByKey().size());
      over.put(w.name(), m);
      totalOver += w.refused();
    }
    over.put("total", totalOver);
    r.put("over_limit_answers", over);

    // Operator tasks: during the incident, by the incident's runs; and the real problems' answers.
    long incidentTasks = 0;
    long incidentRunsAsking = 0;
    long allTasks = 0;
    for (Map.Entry<String, RunFacts> e : facts.entrySet()) {
      allTasks += e.getValue().tasksOpened().size();
      if (byRun.get(e.getKey()).failure() == FleetFailure.PROVIDER_INCIDENT) {
        long during = e.getValue().tasksOpened().stream().filter(at -> at.isBefore(incidentEnds)).count();
        incidentTasks += during;
        incidentRunsAsking += during > 0 ? 1 : 0;
      }
    }
    Map<String, Object> tasks = new LinkedHashMap<>();
    tasks.put("opened_by_incident_runs_during_incident", incidentTasks);
    tasks.put("incident_runs_that_asked_a_person", incidentRunsAsking);
    tasks.put("opened_in_all", allTasks);
    tasks.put("rotations_approved_by_harness", operator.rotationsApproved.get());
    tasks.put("reverts_confirmed_by_harness", operator.revertsConfirmed.get());
    r.put("operator_tasks", tasks);

    // The real problems.
    Map<String, Object> real = new LinkedHashMap<>();
    for (FleetFailure cause : List.of(FleetFailure.TOKEN_MISMATCH, FleetFailure.CONFIG_CHANGE)) {
      List<RunFacts> runs = facts.entrySet().stream().filter(e -> byRun.get(e.getKey()).failure() == cause)
          .map(Map.Entry::getValue).toList();
      long resolved = runs.stream()
          .filter(f -> "RESOLVED".equals(f.outcome()) && cause.name().equals(f.rootCause())).count();
      Map<String, Long> outcomes = runs.stream().collect(Collectors.groupingBy(
          f -> f.outcome() == null ? "still running" : f.outcome() + "/" + f.rootCause(), TreeMap::new,
          Collectors.counting()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("runs", runs.size());
      m.put("resolved_with_that_cause", resolved);
      m.put("outcomes", outcomes);
      real.put(cause.name(), m);
    }
    Map<String, Long> incidentOutcomes = facts.entrySet().stream()
        .filter(e -> byRun.get(e.getKey()).failure() == FleetFailure.PROVIDER_INCIDENT)
        .collect(Collectors.groupingBy(e -> e.getValue().outcome() == null
            ? "still running, diagnosed at " + e.getValue().diagnosisStep() : e.getValue().outcome() + "/"
            + e.getValue().rootCause(), TreeMap::new, Collectors.counting()));
    real.put("PROVIDER_INCIDENT outcomes", incidentOutcomes);
    r.put("outcomes", real);

    // Worker heap and workflow-task latency.
    Map<String, Object> worker = new LinkedHashMap<>();
    worker.put("heap_peak_used_after_gc_mib", heap.peakUsedAfterGc() >> 20);
    worker.put("gc_count", heap.collections());
    worker.put("heap_note", "one JVM holds the test server, the stand-in, the harness and the worker: an upper bound");
    List<Duration> s2s = new ArrayList<>();
    List<Duration> exec = new ArrayList<>();
    facts.values().forEach(f -> {
      s2s.addAll(f.scheduleToStart());
      exec.addAll(f.execution());
    });
    worker.put("workflow_task_schedule_to_start_from_history", Latencies.of(s2s).asMap());
    worker.put("workflow_task_execution_from_history", Latencies.of(exec).asMap());
    worker.put("sdk_metrics", sdkSummary);
    r.put("worker", worker);

    // What fleet correlation and shared pacing leave behind, read without depending on them.
    Map<String, Object> features = new LinkedHashMap<>();
    Set<String> unknownAttributes = union(facts.values().stream().map(RunFacts::unknownSearchAttributes).toList());
    Set<String> unknownSteps = new TreeSet<>(union(facts.values().stream().map(RunFacts::steps).toList()));
    unknownSteps.removeAll(TODAYS_STEPS);
    Set<String> unknownActivities = new TreeSet<>(union(facts.values().stream().map(RunFacts::activityTypes).toList()));
    unknownActivities.removeAll(TODAYS_ACTIVITY_TYPES);
    List<String> incidentRuns = otherWorkflows.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase().contains("incident") || e.getKey().toLowerCase().contains("fleet"))
        .flatMap(e -> e.getValue().stream()).toList();
    features.put("shared_cause_reported_as_one_incident", incidentRuns.isEmpty()
        ? "not available (no fleet-incident workflow in the namespace)"
        : (incidentRuns.size() == 1 ? "yes: " : "no, " + incidentRuns.size() + " runs: ") + incidentRuns);
    features.put("other_workflow_types", otherWorkflows.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, TreeMap::new)));
    features.put("steps_beyond_todays", unknownSteps.isEmpty() ? "not available" : unknownSteps);
    features.put("search_attributes_beyond_todays", unknownAttributes.isEmpty() ? "not available" : unknownAttributes);
    features.put("activity_types_beyond_todays", unknownActivities.isEmpty() ? "not available" : unknownActivities);
    r.put("fleet_features", features);

    Map<String, Object> problems = new LinkedHashMap<>();
    problems.put("events_delivered", delivered);
    problems.put("delivery_errors", deliveryErrors);
    r.put("harness", problems);
    return r;
  }

  private static Map<String, List<String>> otherWorkflowTypes(WorkflowClient client) {
    Map<String, List<String>> byType = new TreeMap<>();
    var stub = client.getWorkflowServiceStubs().blockingStub();
    String namespace = client.getOptions().getNamespace();
    com.google.protobuf.ByteString token = com.google.protobuf.ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse open = stub.listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest
          .newBuilder().setNamespace(namespace).setMaximumPageSize(1000).setNextPageToken(token).build());
      collect(open.getExecutionsList(), byType);
      token = open.getNextPageToken();
    } while (!token.isEmpty());
    do {
      ListClosedWorkflowExecutionsResponse closed = stub.listClosedWorkflowExecutions(
          ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).setMaximumPageSize(1000)
              .setNextPageToken(token).build());
      collect(closed.getExecutionsList(), byType);
      token = closed.getNextPageToken();
    } while (!token.isEmpty());
    return byType;
  }

  private static void collect(List<WorkflowExecutionInfo> infos, Map<String, List<String>> byType) {
    for (WorkflowExecutionInfo info : infos) {
      String type = info.getType().getName();
      if (!TODAYS_WORKFLOW_TYPES.contains(type)) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(info.getExecution().getWorkflowId());
      }
    }
  }

  /** One line per run, for whoever wants to look behind the summary. */
  static String runsCsv(Instant t0, Map<String, FleetSource> byRun, Map<String, RunFacts> facts) {
    StringBuilder csv = new StringBuilder(
        "workflow_id,cause,started_s,diagnosed_s,diagnosis_step,ended_s,tasks_opened,outcome,root_cause\n");
    for (Map.Entry<String, RunFacts> e : facts.entrySet()) {
      RunFacts f = e.getValue();
      csv.append(e.getKey()).append(',').append(byRun.get(e.getKey()).failure()).append(',')
          .append(f.started() == null ? "" : secs(Duration.between(t0, f.started()))).append(',')
          .append(f.diagnosedAt() == null ? "" : secs(Duration.between(t0, f.diagnosedAt()))).append(',')
          .append(f.diagnosisStep() == null ? "" : f.diagnosisStep()).append(',')
          .append(f.endedAt() == null ? "" : secs(Duration.between(t0, f.endedAt()))).append(',')
          .append(f.tasksOpened().size()).append(',')
          .append(f.outcome() == null ? "" : f.outcome()).append(',')
          .append(f.rootCause() == null ? "" : f.rootCause()).append('\n');
    }
    return csv.toString();
  }

  private void write(BenchSettings settings, Map<String, Object> result) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String json = mapper.writeValueAsString(result);
    Files.writeString(settings.out().resolve("result.json"), json);
    Files.writeString(settings.out().resolve("result.md"), FleetReport.markdown(result));
    say("result: " + settings.out().resolve("result.json") + " and result.md");
    System.out.println(FleetReport.markdown(result));
    @SuppressWarnings("unchecked")
    Map<String, Object> harness = (Map<String, Object>) result.get("harness");
    assertThat((Map<?, ?>) harness.get("delivery_errors")).as("every event delivered").isEmpty();
  }

  private static <T> Set<T> union(Collection<Set<T>> sets) {
    Set<T> all = new TreeSet<>();
    sets.forEach(all::addAll);
    return all;
  }

  static double secs(Duration d) {
    return Math.round(d.toMillis() / 100.0) / 10.0;
  }

  private static void say(String line) {
    System.out.println("[fleet-benchmark " + Instant.now() + "] " + line);
  }
}
