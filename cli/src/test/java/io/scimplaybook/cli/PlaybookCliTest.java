package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.testkit.FakePlaybookWorkflow;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator CLI end to end: real gRPC to the test server, the fake playbook on the other side. */
class PlaybookCliTest {

  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final AtomicInteger sources = new AtomicInteger();
  static final String TOKEN = "cato-scim-7Hq2xVb9Lm4Tz0PwRk";

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @TempDir Path dir;

  private final String sealKey = TokenSeal.newBase64Key();
  private final Map<String, String> env = new HashMap<>(Map.of(
      "TEMPORAL_ADDRESS", temporal.target(), "SCIM_PLAYBOOK_SEAL_KEY", sealKey));

  record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new PlaybookCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A fresh run per test, so tests never see each other's signals. */
  private static String newRun() {
    return temporal.startRun("900", "src" + sources.incrementAndGet());
  }

  /** A fresh run waiting on a token rotation (task {@link FakePlaybookWorkflow#TASK_ID}), for approve and reject. */
  private static String newRotationRun() {
    return temporal.startRun("900", FakePlaybookWorkflow.ROTATION_SOURCE_PREFIX + sources.incrementAndGet());
  }

  private Path tokenFile(String content) throws Exception {
    return Files.writeString(dir.resolve("token.txt"), content);
  }

  @Test
  void approveSealsTheTokenSoOnlyTheWorkersKeyOpensItAndHistoryNeverHoldsIt() throws Exception {
    String workflowId = newRotationRun();

    Result result = cli("approve", "--workflow-id", workflowId, "--approver", "alice",
        "--token-file", tokenFile("  " + TOKEN + "\n\n").toString(), "--note", "generated in CMA at 09:12");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Token rotation approved for " + workflowId + " by alice");
    assertThat(result.out() + result.err()).doesNotContain(TOKEN);

    RotationApproval approval = temporal.awaitReceived(workflowId, l -> l.approvals().size() == 1).approvals().get(0);
    assertThat(approval.approver()).isEqualTo("alice");
    assertThat(approval.taskId()).isEqualTo(FakePlaybookWorkflow.TASK_ID);
    assertThat(approval.note()).isEqualTo("generated in CMA at 09:12");
    TokenSeal workerSeal = TokenSeal.fromBase64Key(sealKey);
    assertThat(approval.token().keyId()).isEqualTo(workerSeal.keyId());
    assertThat(approval.token().ciphertext()).doesNotContain(TOKEN);
    assertThat(workerSeal.open(approval.token())).isEqualTo(TOKEN);

    WorkflowExecutionHistory history = temporal.client().fetchHistory(workflowId);
    assertThat(history.toJson(true)).doesNotContain(TOKEN).contains("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED");
    List<String> signalPayloads = history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .flatMap(e -> e.getWorkflowExecutionSignaledEventAttributes().getInput().getPayloadsList().stream())
        .map(p -> p.getData().toStringUtf8())
        .toList();
    assertThat(signalPayloads).anySatisfy(p -> assertThat(p).contains("alice").contains(approval.token().keyId()));
    assertThat(allPayloads(history)).noneSatisfy(p -> assertThat(p).contains(TOKEN));
  }

  @Test
  void approveTakesTheKeyFromAKeyFileToo() throws Exception {
    String workflowId = newRotationRun();
    String fileKey = TokenSeal.newBase64Key();
    Path keyFile = Files.writeString(dir.resolve("seal.key"), fileKey + "\n");
    env.remove("SCIM_PLAYBOOK_SEAL_KEY");

    Result result = cli("approve", "--workflow-id", workflowId, "--approver", "bob",
        "--token-file", tokenFile(TOKEN).toString(), "--seal-key-file", keyFile.toString());

    assertThat(result.code()).as(result.err()).isZero();
    RotationApproval approval = temporal.awaitReceived(workflowId, l -> l.approvals().size() == 1).approvals().get(0);
    assertThat(TokenSeal.fromBase64Key(fileKey).open(approval.token())).isEqualTo(TOKEN);
    assertThat(approval.note()).isNull();
  }

  @Test
  void approveRefusesAnEmptyTokenFileAndSendsNothing() throws Exception {
    String workflowId = newRotationRun();

    Result result = cli("approve", "--workflow-id", workflowId, "--approver", "alice",
        "--token-file", tokenFile(" \n\t\n").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("is empty").contains(PlaybookCli.HELP_HINT).doesNotContain("Usage:");
    assertThat(temporal.received(workflowId).approvals()).isEmpty();
  }

  @Test
  void approveRefusesATokenFileWithMoreThanTheTokenWithoutEchoingIt() throws Exception {
    Result result = cli("approve", "--workflow-id", "scim-playbook-900-x", "--approver", "alice",
        "--token-file", tokenFile(TOKEN + "\nsecond line").toString());

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("more than one word or line").doesNotContain(TOKEN);
  }

  @Test
  void approveWithoutASealKeyIsAUsageError() throws Exception {
    env.remove("SCIM_PLAYBOOK_SEAL_KEY");

    Result result = cli("approve", "--workflow-id", "scim-playbook-900-x", "--approver", "alice",
        "--token-file", tokenFile(TOKEN).toString());

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("no seal key: set SCIM_PLAYBOOK_SEAL_KEY");
  }

  @Test
  void approveToAnUnknownWorkflowIsNotFound() throws Exception {
    Result result = cli("approve", "--workflow-id", "scim-playbook-900-nosuch", "--approver", "alice",
        "--token-file", tokenFile(TOKEN).toString());

    assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).contains("no workflow scim-playbook-900-nosuch").doesNotContain(TOKEN);
  }

  @Test
  void rejectEndsTheRunAndItsReportIsThenAvailable() {
    String workflowId = newRotationRun();

    Result rejected = cli("reject", "--workflow-id", workflowId, "--operator", "carol", "--reason", "token owner on leave");

    assertThat(rejected.code()).as(rejected.err()).isZero();
    assertThat(rejected.out()).contains("rejected for " + workflowId + " by carol");
    assertThat(temporal.client().newUntypedWorkflowStub(workflowId).getResult(Object.class)).isNotNull();
    assertThat(temporal.received(workflowId).rejections())
        .containsExactly(new RotationRejection(FakePlaybookWorkflow.TASK_ID, "carol", "token owner on leave"));

    Result markdown = cli("report", "--workflow-id", workflowId);
    assertThat(markdown.code()).as(markdown.err()).isZero();
    assertThat(markdown.out()).startsWith("# SCIM provisioning playbook: ESCALATED")
        .contains("| Workflow | " + workflowId + " |")
        .contains("Token rotation rejected by carol: token owner on leave");

    Result json = cli("report", "--workflow-id", workflowId, "--json");
    assertThat(json.code()).isZero();
    JsonNode report = readJson(json.out());
    assertThat(report.get("outcome").asText()).isEqualTo("ESCALATED");
    assertThat(report.get("failures").get("count").asInt()).isEqualTo(1);
    assertThat(report.get("startedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void statusNamesTheSupportBundleOnceTheRunHasOne() {
    String workflowId = newRotationRun();
    assertThat(cli("status", "--workflow-id", workflowId).out()).doesNotContain("Bundle:");

    cli("reject", "--workflow-id", workflowId, "--operator", "carol", "--reason", "token owner on leave");
    temporal.client().newUntypedWorkflowStub(workflowId).getResult(Object.class);
    Result result = cli("status", "--workflow-id", workflowId);

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Bundle:    " + FakePlaybookWorkflow.BUNDLE_DIR + workflowId + ".md\n");
    assertThat(cli("report", "--workflow-id", workflowId).out())
        .contains("| Support bundle | " + FakePlaybookWorkflow.BUNDLE_DIR + workflowId + ".md |");
  }

  @Test
  void approveAndRejectRefuseARunThatWaitsOnAnotherKindOfTask() throws Exception {
    String workflowId = newRun();

    Result approved = cli("approve", "--workflow-id", workflowId, "--approver", "alice",
        "--token-file", tokenFile(TOKEN).toString());
    Result rejected = cli("reject", "--workflow-id", workflowId, "--operator", "carol", "--reason", "r");

    for (Result result : List.of(approved, rejected)) {
      assertThat(result.code()).isEqualTo(ExitCodes.FAILURE);
      assertThat(result.err()).contains("is waiting on task task-1 (" + FakePlaybookWorkflow.TASK_TITLE
          + "), not on a token rotation; nothing to");
    }
    assertThat(temporal.received(workflowId).approvals()).isEmpty();
    assertThat(temporal.received(workflowId).rejections()).isEmpty();
  }

  @Test
  void approveWithAnExplicitTaskIdSendsItAsGiven() throws Exception {
    String workflowId = newRotationRun();

    Result result = cli("approve", "--workflow-id", workflowId, "--task-id", "t7", "--approver", "alice",
        "--token-file", tokenFile(TOKEN).toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("on task t7");
    RotationApproval approval = temporal.awaitReceived(workflowId, l -> l.approvals().size() == 1).approvals().get(0);
    assertThat(approval.taskId()).isEqualTo("t7");
  }

  @Test
  void decideWithoutTaskIdAnswersThePendingTask() {
    String workflowId = newRun();

    Result result = cli("decide", "--workflow-id", workflowId, "--decision", "dismissed", "--operator", "dave",
        "--note", "planned change");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("Decision DISMISSED on task task-1 (" + FakePlaybookWorkflow.TASK_TITLE + ")");
    assertThat(temporal.awaitReceived(workflowId, l -> l.decisions().size() == 1).decisions())
        .containsExactly(new TaskDecision("task-1", Decision.DISMISSED, "dave", "planned change"));

    Result nothingLeft = cli("decide", "--workflow-id", workflowId, "--decision", "DISMISSED", "--operator", "dave");
    assertThat(nothingLeft.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(nothingLeft.err()).contains("not waiting on any operator task");
  }

  @Test
  void decideWithAnExplicitTaskIdSendsItAsGiven() {
    String workflowId = newRun();

    Result result = cli("decide", "--workflow-id", workflowId, "--task-id", "task-7", "--decision", "SUCCEEDED",
        "--operator", "erin");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(temporal.awaitReceived(workflowId, l -> l.decisions().size() == 1).decisions())
        .containsExactly(new TaskDecision("task-7", Decision.SUCCEEDED, "erin", null));
  }

  @Test
  void decideRefusesAnAnswerThePendingTaskCannotTake() {
    String workflowId = newRun();

    Result result = cli("decide", "--workflow-id", workflowId, "--decision", "SUCCEEDED", "--operator", "dave");

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("task task-1 (REVIEW_SUSPECTS) takes REVERTED or DISMISSED, not SUCCEEDED");
    assertThat(temporal.received(workflowId).decisions()).isEmpty();
  }

  @Test
  void statusShowsStepFailuresThePendingTaskAndTheTimeline() {
    String workflowId = newRun();

    Result result = cli("status", "--workflow-id", workflowId);

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith(workflowId + " (RUNNING)\n")
        .contains("Step:      OPERATOR_REVIEW (cycle 1)")
        .contains("IdP:       Entra ID")
        .contains("Failures:  1 event, first 2025-06-01T08:30:00Z")
        .contains("last reason: SCIM server returned 401 Unauthorized; XOps story story-77")
        .contains("Waiting for a person: " + FakePlaybookWorkflow.TASK_TITLE)
        .contains("task task-1 (REVIEW_SUSPECTS)")
        .contains("  The SCIM endpoint URL changed 12 minutes before the first failure.")
        .contains("    ./scim-playbook decide --workflow-id " + workflowId)
        .contains("Recent timeline:")
        .contains("failure reported (webhook): SCIM server returned 401 Unauthorized");
  }

  @Test
  void statusAsJsonIsThePlaybookStatus() {
    String workflowId = newRun();

    Result result = cli("status", "--workflow-id", workflowId, "--json");

    assertThat(result.code()).as(result.err()).isZero();
    JsonNode status = readJson(result.out());
    assertThat(status.get("workflowId").asText()).isEqualTo(workflowId);
    assertThat(status.get("step").asText()).isEqualTo("OPERATOR_REVIEW");
    assertThat(status.get("pendingTask").get("id").asText()).isEqualTo("task-1");
    assertThat(status.get("failures").get("firstSeen").asText()).isEqualTo("2025-06-01T08:30:00Z");
  }

  @Test
  void reportOnARunningPlaybookSaysSoAndExits3() {
    String workflowId = newRun();

    Result result = cli("report", "--workflow-id", workflowId);

    assertThat(result.code()).isEqualTo(ExitCodes.NOT_FINISHED);
    assertThat(result.err()).isEqualTo(workflowId + " is still running (step OPERATOR_REVIEW); its report exists once it ends.\n");
    assertThat(result.out()).as("no report yet: nothing on stdout").isEmpty();

    Result json = cli("report", "--workflow-id", workflowId, "--json");
    assertThat(json.code()).isEqualTo(ExitCodes.NOT_FINISHED);
    assertThat(readJson(json.out()).get("step").asText()).isEqualTo("OPERATOR_REVIEW");
  }

  @Test
  void anUnknownWorkflowIsExit4ForEveryCommand() {
    for (String[] args : List.of(
        new String[] {"status", "--workflow-id", "scim-playbook-900-nosuch"},
        new String[] {"report", "--workflow-id", "scim-playbook-900-nosuch"},
        new String[] {"reject", "--workflow-id", "scim-playbook-900-nosuch", "--operator", "o", "--reason", "r"},
        new String[] {"decide", "--workflow-id", "scim-playbook-900-nosuch", "--decision", "REVERTED", "--operator", "o"})) {
      Result result = cli(args);
      assertThat(result.code()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.err()).contains("no workflow scim-playbook-900-nosuch in namespace default");
    }
  }

  @Test
  void anUnreachableServerIsExit5() {
    Result result = cli("status", "--workflow-id", "scim-playbook-900-x",
        "--address", "127.0.0.1:" + TemporalTestServer.freePort());

    assertThat(result.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(result.err()).contains("cannot reach Temporal at 127.0.0.1:");
  }

  @Test
  void usageErrorsAreExit2WithTheErrorFirstAndOneLineSayingWhereHelpIs() {
    List<String[]> wrong = List.of(
        new String[] {},
        new String[] {"frobnicate"},
        new String[] {"status"},
        new String[] {"status", "--workflow-id"},
        new String[] {"status", "--workflow-id", "w", "--jsno"},
        new String[] {"status", "--workflow-id", "a", "--workflow-id", "b"},
        new String[] {"status", "--workflow-id", "w", "extra"},
        new String[] {"reject", "--workflow-id", "w", "--operator", "o"},
        new String[] {"decide", "--workflow-id", "w", "--decision", "MAYBE", "--operator", "o"},
        new String[] {"status", "--workflow-id", "w", "--address", "no-port"},
        new String[] {"status", "--workflow-id", "w", "--json=yes"});
    for (String[] args : wrong) {
      Result result = cli(args);
      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err().lines()).as(String.join(" ", args)).hasSize(2);
      assertThat(result.err()).as(String.join(" ", args)).startsWith("error: ")
          .endsWith("\n" + PlaybookCli.HELP_HINT + "\n").doesNotContain("Usage:");
      assertThat(result.out()).isEmpty();
    }
    assertThat(cli().err()).startsWith("error: no verb given; the verbs are approve, reject,");
    assertThat(cli("frobnicate", "--workflow-id", "w").err())
        .startsWith("error: unknown verb 'frobnicate'; the verbs are approve, reject, confirm, decide, status, watch, report");
    assertThat(cli("decide", "--workflow-id", "w", "--decision", "MAYBE", "--operator", "o").err())
        .contains("--decision must be one of REVERTED, DISMISSED, SUCCEEDED, FAILED, got 'MAYBE'");
    assertThat(cli("reject", "--workflow-id", "w", "--operator", "o").err()).contains("reject needs --reason R");
  }

  @Test
  void anEmptyApproverOrOperatorSaysThatUserWasEmpty() throws Exception {
    String token = tokenFile(TOKEN).toString();
    for (String[] args : List.of(
        new String[] {"approve", "--workflow-id", "w", "--approver", "", "--token-file", token},
        new String[] {"approve", "--workflow-id", "w", "--approver=", "--token-file", token},
        new String[] {"reject", "--workflow-id", "w", "--operator", " ", "--reason", "r"},
        new String[] {"confirm", "--workflow-id", "w", "--operator", ""},
        new String[] {"decide", "--workflow-id", "w", "--decision", "DISMISSED", "--operator", ""})) {
      Result result = cli(args);
      String option = args[3].startsWith("--approver") ? "--approver" : "--operator";
      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(String.join(" ", args))
          .startsWith("error: " + option + " is empty: if you passed \"$USER\", $USER is empty in this shell");
    }
    // Unquoted, an empty $USER disappears from the command line altogether.
    assertThat(cli("approve", "--workflow-id", "w", "--approver", "--token-file", token).err())
        .startsWith("error: --approver needs a value (an unquoted $USER that is empty or unset");
  }

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    assertThat(cli("--help").out()).startsWith("Usage: scim-playbook <command> [options]");
    assertThat(cli("status", "--help").code()).isZero();
  }

  private static List<String> allPayloads(WorkflowExecutionHistory history) {
    return history.getEvents().stream().flatMap(PlaybookCliTest::payloadsOf).map(p -> p.getData().toStringUtf8()).toList();
  }

  /** Every payload an event carries, whatever its type: scan all fields, so a new event type cannot hide one. */
  private static java.util.stream.Stream<Payload> payloadsOf(HistoryEvent event) {
    List<Payload> found = new java.util.ArrayList<>();
    collect(event, found);
    return found.stream();
  }

  private static void collect(com.google.protobuf.Message message, List<Payload> found) {
    if (message instanceof Payload payload) {
      found.add(payload);
      return;
    }
    message.getAllFields().forEach((field, value) -> {
      if (value instanceof com.google.protobuf.Message m) {
        collect(m, found);
      } else if (value instanceof List<?> list) {
        list.forEach(v -> {
          if (v instanceof com.google.protobuf.Message m) {
            collect(m, found);
          }
        });
      }
    });
  }

  private static JsonNode readJson(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
