package io.scimplaybook.worker;

import static io.scimplaybook.worker.RunWaits.awaitApprovalTask;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxServer;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker application as it ships (application.yml, the sandbox profile, the actuator) on the time-skipping test
 * server that temporal-spring-boot-starter builds with the application's Micrometer-backed metrics scope: a
 * token-mismatch run goes to RESOLVED, and the worker's own Prometheus endpoint, read over HTTP, shows the playbook's
 * series with their tags beside the Temporal SDK's; the health probes answer UP.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.temporal.test-server.enabled=true")
@ActiveProfiles("sandbox")
// Spring Boot tests swap every metrics exporter for an in-memory registry unless told otherwise.
@AutoConfigureObservability(tracing = false)
class MetricsEndToEndTest {

  /** Set once Spring has built it; until then nothing asks the sandbox the time. */
  static volatile TestWorkflowEnvironment testServer;
  static final SandboxServer sandbox = startSandbox();
  static final String SEAL_KEY = TokenSeal.newBase64Key();

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) throws IOException {
    registry.add("SANDBOX_PORT", sandbox::port);
    registry.add("scim-playbook.seal-key", () -> SEAL_KEY);
    registry.add("scim-playbook.escalation-dir", Files.createTempDirectory("escalations")::toString);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @LocalServerPort int port;
  @Autowired TestWorkflowEnvironment env;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aResolvedRunShowsOnThePrometheusEndpointWithItsOutcomeCauseAndIdpBesideTheSdkSeries() throws Exception {
    testServer = env;
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // The environment's own client: its result calls let the test server skip the monitoring window.
    WorkflowClient client = env.getWorkflowClient();
    String workflowId = PlaybookIds.workflowId(sandbox.config().accountId(), sandbox.config().sourceId());
    ScimPlaybookWorkflow stub = client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest start = client.newSignalWithStartRequest();
    start.add(stub::run, new PlaybookInput(sandbox.config().accountId(), sandbox.config().sourceId(),
        PlaybookOptions.defaults()));
    start.add(stub::failureReported, new ScimFailureEvent(sandbox.config().accountId(), sandbox.config().sourceId(),
        Instant.ofEpochMilli(env.currentTimeMillis()).minusSeconds(240), "invalid credentials", sandbox.storyId(),
        ScimFailureEvent.ORIGIN_WEBHOOK));
    client.signalWithStart(start);
    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
    PlaybookStatus waiting = awaitApprovalTask(run);
    run.approveRotation(new RotationApproval(waiting.pendingTask().id(), "alice",
        TokenSeal.fromBase64Key(SEAL_KEY).seal(sandbox.generateCatoToken()), null));
    PlaybookReport report = client.newUntypedWorkflowStub(workflowId).getResult(PlaybookReport.class);
    assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.RESOLVED);

    // Counters reach Micrometer when the SDK's scope next reports (every 10 s); timers at once.
    List<String> series = awaitSeries(lines -> value(lines, "scim_playbook_runs_ended_total",
        "outcome=\"RESOLVED\"", "root_cause=\"TOKEN_MISMATCH\"", "idp=\"ENTRA_ID\"") != null);

    assertThat(value(series, "scim_playbook_runs_ended_total", "outcome=\"RESOLVED\"",
        "root_cause=\"TOKEN_MISMATCH\"", "idp=\"ENTRA_ID\"", "workflow_type=\"ScimPlaybookWorkflow\""))
        .isEqualTo(1.0);
    assertThat(value(series, "scim_playbook_runs_started_total", "workflow_type=\"ScimPlaybookWorkflow\""))
        .isEqualTo(1.0);
    assertThat(value(series, "scim_playbook_time_to_diagnosis_seconds_count", "root_cause=\"TOKEN_MISMATCH\"",
        "idp=\"ENTRA_ID\"")).isEqualTo(1.0);
    assertThat(value(series, "scim_playbook_operator_tasks_opened_total", "task_kind=\"APPROVE_ROTATION\"",
        "idp=\"ENTRA_ID\"")).isEqualTo(1.0);
    assertThat(value(series, "scim_playbook_operator_tasks_closed_total", "task_kind=\"APPROVE_ROTATION\"",
        "answer=\"answered\"")).isEqualTo(1.0);
    assertThat(value(series, "scim_playbook_operator_wait_seconds_count", "task_kind=\"APPROVE_ROTATION\"",
        "answer=\"answered\"")).isEqualTo(1.0);
    // application.yml stretches the playbook timers' histogram to days; the SDK's default buckets stop at 30 s.
    assertThat(series.stream().filter(l -> l.startsWith("scim_playbook_time_to_diagnosis_seconds_bucket{"))
        .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1")).filter(le -> !le.equals("+Inf"))
        .mapToDouble(Double::parseDouble).max().orElse(0)).isGreaterThanOrEqualTo(86_400);
    // The SDK's own worker metrics, through the same registry.
    assertThat(value(series, "temporal_workflow_task_execution_latency_seconds_count",
        "workflow_type=\"ScimPlaybookWorkflow\"")).isPositive();
    assertThat(value(series, "temporal_workflow_completed_total", "workflow_type=\"ScimPlaybookWorkflow\""))
        .isEqualTo(1.0);
  }

  @Test
  void livenessAndReadinessAnswerUpAndReadinessIncludesTemporal() throws Exception {
    HttpResponse<String> liveness = get("/actuator/health/liveness");
    HttpResponse<String> readiness = get("/actuator/health/readiness");

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"temporal\":{\"status\":\"UP\"}");
  }

  private List<String> awaitSeries(Predicate<List<String>> ready) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<String> lines;
    do {
      HttpResponse<String> response = get("/actuator/prometheus");
      assertThat(response.statusCode()).isEqualTo(200);
      lines = response.body().lines().toList();
      if (ready.test(lines)) {
        return lines;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the series never appeared; the endpoint had:\n"
        + String.join("\n", lines.stream().filter(l -> l.startsWith("scim_")).toList()));
  }

  /** The value of the one series of {@code name} whose labels contain every fragment; null when there is none. */
  static Double value(List<String> lines, String name, String... labels) {
    List<String> matches = lines.stream().filter(l -> l.startsWith(name + "{"))
        .filter(l -> List.of(labels).stream().allMatch(l::contains)).toList();
    assertThat(matches).as("series %s with %s", name, List.of(labels)).hasSizeLessThanOrEqualTo(1);
    return matches.isEmpty() ? null : Double.valueOf(matches.get(0).substring(matches.get(0).lastIndexOf(' ') + 1));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static SandboxServer startSandbox() {
    try {
      return SandboxServer.start(SandboxConfig.defaults().withPort(0), new TestServerClock(
          () -> testServer == null ? System.currentTimeMillis() : testServer.currentTimeMillis()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
