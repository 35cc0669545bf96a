package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.testkit.FakePlaybookWorkflow;
import io.scimplaybook.testkit.TemporalTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code watch} against the fake playbook on the test server: one process follows the run to its end. */
class WatchCliTest {

  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final AtomicInteger sources = new AtomicInteger();

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  private final Map<String, String> env = Map.of("TEMPORAL_ADDRESS", temporal.target());

  /** Output written by a watch running in another thread, readable while it runs. */
  static final class Capture {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    synchronized String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  private CompletableFuture<Integer> watch(Capture capture, String... args) {
    PlaybookCli cli = new PlaybookCli(new PrintStream(capture.out, true, StandardCharsets.UTF_8),
        new PrintStream(capture.err, true, StandardCharsets.UTF_8), env);
    return CompletableFuture.supplyAsync(() -> cli.run(args));
  }

  private static void awaitOutput(Capture capture, String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!capture.out().contains(text)) {
      assertThat(System.nanoTime()).as("waiting for %s; so far:%n%s%s", text, capture.out(), capture.err())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void followsTheRunLiveAndExitsWithTheOutcomesCode() throws Exception {
    String workflowId = temporal.startRun("910", "src" + sources.incrementAndGet());
    Capture capture = new Capture();

    CompletableFuture<Integer> watching = watch(capture, "watch", "--workflow-id", workflowId, "--interval", "PT0.1S");

    // The task the run opens shows with its instructions and commands while the run waits on it.
    awaitOutput(capture, WatchCommand.ACTION_NEEDED + FakePlaybookWorkflow.TASK_TITLE + " (task task-1, REVIEW_SUSPECTS");
    assertThat(capture.out())
        .startsWith("Watching " + workflowId + " (RUNNING); Ctrl-C stops watching, not the run.\n")
        .contains("Step OPERATOR_REVIEW (cycle 1) · Entra ID\n")
        .contains("  failure reported (webhook): SCIM server returned 401 Unauthorized\n")
        .contains("  The SCIM endpoint URL changed 12 minutes before the first failure.\n")
        .contains("    ./scim-playbook decide --workflow-id " + workflowId);
    assertThat(watching).as("still watching a running run").isNotDone();

    // Answering the task: the step change, the timeline entry and the closed task, each printed once.
    temporal.client().newWorkflowStub(io.scimplaybook.api.ScimPlaybookWorkflow.class, workflowId)
        .decideTask(new TaskDecision("task-1", Decision.DISMISSED, "dave", null));
    awaitOutput(capture, "Task task-1 (" + FakePlaybookWorkflow.TASK_TITLE + ") is no longer pending.");
    awaitOutput(capture, "Step MONITORING (cycle 1)");
    awaitOutput(capture, "task task-1 DISMISSED by dave");

    // The fake ends ESCALATED on a rejection: watch prints the outcome and exits with its code.
    temporal.client().newWorkflowStub(io.scimplaybook.api.ScimPlaybookWorkflow.class, workflowId)
        .rejectRotation(new RotationRejection("task-1", "carol", "owner on leave"));
    int code = watching.get(30, TimeUnit.SECONDS);

    assertThat(code).as(capture.err()).isEqualTo(ExitCodes.ESCALATED);
    String out = capture.out();
    assertThat(out).contains("Outcome: ESCALATED (UNKNOWN): Token rotation rejected by carol: owner on leave\n")
        .endsWith("The report: ./scim-playbook report --workflow-id " + workflowId + "\n");
    for (String once : new String[] {"Step OPERATOR_REVIEW", "failure reported (webhook)", "Action needed:",
        "task task-1 DISMISSED by dave", "Step MONITORING"}) {
      assertThat(out.split(java.util.regex.Pattern.quote(once), -1)).as("'%s' printed once", once).hasSize(2);
    }
    assertThat(capture.err()).isEmpty();
  }

  @Test
  void aRunThatHasEndedIsReportedAtOnce() throws Exception {
    String workflowId = temporal.startRun("910", "src" + sources.incrementAndGet());
    temporal.client().newWorkflowStub(io.scimplaybook.api.ScimPlaybookWorkflow.class, workflowId)
        .rejectRotation(new RotationRejection("task-1", "carol", "no"));
    temporal.client().newUntypedWorkflowStub(workflowId).getResult(Object.class);
    Capture capture = new Capture();

    int code = watch(capture, "watch", "--account", "910", "--source", "src" + sources.get()).get(30, TimeUnit.SECONDS);

    assertThat(code).isEqualTo(ExitCodes.ESCALATED);
    assertThat(capture.out()).startsWith("Watching " + workflowId + " (COMPLETED)").contains("Outcome: ESCALATED");
  }

  @Test
  void watchingAnUnknownRunIsExit4AndAWrongIntervalIsAUsageError() throws Exception {
    Capture missing = new Capture();
    assertThat(watch(missing, "watch", "--workflow-id", "scim-playbook-910-nosuch").get(30, TimeUnit.SECONDS))
        .isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err()).contains("no workflow scim-playbook-910-nosuch");

    Capture wrong = new Capture();
    assertThat(watch(wrong, "watch", "--workflow-id", "w", "--interval", "1s").get(30, TimeUnit.SECONDS))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(wrong.err()).startsWith("error: --interval must be an ISO-8601 duration such as PT1S, got '1s'");
  }

  @Test
  void everyOutcomeHasItsOwnExitCode() {
    assertThat(WatchCommand.exitCode(Outcome.RESOLVED)).isZero();
    assertThat(WatchCommand.exitCode(Outcome.ESCALATED)).isEqualTo(7);
    assertThat(WatchCommand.exitCode(Outcome.NOT_REPRODUCED)).isEqualTo(8);
    assertThat(WatchCommand.exitCode(null)).isEqualTo(9);
  }
}
