package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.testkit.FakePlaybookWorkflow;
import io.scimplaybook.testkit.TemporalTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The verbs added for operators of a real cluster (list, confirm, runs by account and source), over real gRPC. */
class OperatorCliTest {

  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final AtomicInteger sources = new AtomicInteger();
  static final String ACCOUNT = "901";

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  private final Map<String, String> env = new HashMap<>(Map.of("TEMPORAL_ADDRESS", temporal.target()));

  record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new PlaybookCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String newSource() {
    return "s" + sources.incrementAndGet();
  }

  @Test
  void listOnAServerWithoutVisibilitySaysSoWithExit6AndTheWayAround() {
    Result result = cli("list", "--account", ACCOUNT, "--step", "operator_review");

    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.NO_VISIBILITY);
    assertThat(result.err())
        .contains("cannot list workflows: it has no visibility store")
        .contains("status --account A --source S")
        .doesNotContain("Usage:");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void listRefusesBadFiltersBeforeItConnects() {
    String nowhere = "127.0.0.1:" + TemporalTestServer.freePort();
    Map<String[], String> wrong = Map.of(
        new String[] {"list", "--step", "LUNCH"}, "--step must be one of AWAITING_EVENT, VERIFY,",
        new String[] {"list", "--account", "1' OR '1'='1"}, "--account must be 1-64 letters",
        new String[] {"list", "--outcome", "FIXED"}, "--outcome must be one of RESOLVED,",
        new String[] {"list", "--root-cause", "GREMLINS"}, "got 'GREMLINS'",
        new String[] {"list", "--limit", "0"}, "--limit must be a number from 1 to 10000");
    wrong.forEach((args, message) -> {
      String[] withAddress = java.util.stream.Stream.concat(List.of(args).stream(), List.of("--address", nowhere).stream())
          .toArray(String[]::new);
      Result result = cli(withAddress);
      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(String.join(" ", args)).contains(message);
    });
  }

  @Test
  void confirmSendsThePendingTasksYesAnswerFoundByAccountAndSource() {
    String source = newSource();
    String workflowId = temporal.startRun(ACCOUNT, source);

    Result result = cli("confirm", "--account", ACCOUNT, "--source", source, "--operator", "carol",
        "--note", "restored the SCIM URL");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Confirmed task task-1 (" + FakePlaybookWorkflow.TASK_TITLE + ") as REVERTED on "
        + workflowId + " by carol.\n");
    assertThat(temporal.awaitReceived(workflowId, l -> l.decisions().size() == 1).decisions())
        .containsExactly(new TaskDecision("task-1", Decision.REVERTED, "carol", "restored the SCIM URL"));

    Result again = cli("confirm", "--workflow-id", workflowId, "--operator", "carol");
    assertThat(again.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(again.err()).contains(workflowId + " is not waiting on any operator task; nothing to confirm");
  }

  @Test
  void confirmOfATaskThatIsNoLongerPendingSendsNothing() {
    String workflowId = temporal.startRun(ACCOUNT, newSource());

    Result result = cli("confirm", "--workflow-id", workflowId, "--task-id", "task-0", "--operator", "carol");

    assertThat(result.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err()).contains("is waiting on task task-1 (" + FakePlaybookWorkflow.TASK_TITLE + "), not task-0");
    assertThat(temporal.received(workflowId).decisions()).isEmpty();
  }

  @Test
  void confirmOfAnUnknownRunIsExit4() {
    Result result = cli("confirm", "--account", ACCOUNT, "--source", "nosuch", "--operator", "carol");

    assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.err()).contains("no workflow scim-playbook-" + ACCOUNT + "-nosuch");
  }

  @Test
  void statusAndReportFindTheRunByAccountAndSource() {
    String source = newSource();
    String workflowId = temporal.startRun(ACCOUNT, source);

    Result status = cli("status", "--account", ACCOUNT, "--source", source);
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).startsWith(workflowId + " (RUNNING)\n");

    Result report = cli("report", "--account", ACCOUNT, "--source", source);
    assertThat(report.code()).isEqualTo(ExitCodes.NOT_FINISHED);
    assertThat(report.err()).contains(workflowId + " is still running");
  }

  @Test
  void runSelectionErrorsAreUsageErrors() {
    Map<String[], String> wrong = Map.of(
        new String[] {"status", "--account", ACCOUNT}, "--account and --source go together",
        new String[] {"status", "--workflow-id", "w", "--account", ACCOUNT, "--source", "7"}, "not both",
        new String[] {"confirm", "--operator", "o"}, "confirm needs --workflow-id W (or --account A --source S)",
        new String[] {"confirm", "--workflow-id", "w"}, "confirm needs --operator NAME",
        new String[] {"report", "--account", "a b", "--source", "7"}, "--account must be 1-64 letters");
    wrong.forEach((args, message) -> {
      Result result = cli(args);
      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(String.join(" ", args)).contains(message).contains(PlaybookCli.HELP_HINT)
          .doesNotContain("Usage:");
    });
  }

  @Test
  void theApiKeyIsNeverPrintedEvenWhenTheConnectionFails() {
    String key = "tcld-apikey-Zx81Qm3Rt7Lw0";
    String nowhere = "127.0.0.1:" + TemporalTestServer.freePort();

    Result fromOption = cli("status", "--workflow-id", "w", "--address", nowhere, "--api-key", key);
    env.put("TEMPORAL_API_KEY", key);
    Result fromEnv = cli("list", "--address", nowhere);

    for (Result result : List.of(fromOption, fromEnv)) {
      assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.UNREACHABLE);
      assertThat(result.err()).contains("cannot reach Temporal at " + nowhere).contains("speak TLS");
      assertThat(result.out() + result.err()).doesNotContain(key);
    }
  }

  @Test
  void tlsToAPlainTextServerIsUnreachableWithTheTlsHint() {
    Result result = cli("status", "--workflow-id", "w", "--tls");

    assertThat(result.code()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(result.err()).contains("cannot reach Temporal at " + temporal.target())
        .contains("does it speak TLS with these certificates?");
  }

  @Test
  void helpListsTheNewVerbsAndExitCode6() {
    String usage = cli("--help").out();
    assertThat(usage).contains("  list [--account A]").contains("  confirm --workflow-id W --operator NAME")
        .contains("--tls-cert F --tls-key F").contains("--api-key K").contains("6 server cannot list");
  }
}
