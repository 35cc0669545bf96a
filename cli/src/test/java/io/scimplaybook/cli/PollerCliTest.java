package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.status.PollerStatus;
import io.scimplaybook.testkit.PollerProbe;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code poller start|stop|status} end to end: real gRPC to the test server, the fake poller on the other side. */
class PollerCliTest {

  static final TemporalTestServer temporal = TemporalTestServer.start();
  private static final Pattern RUN_ID = Pattern.compile("\\(run ([0-9a-f-]{36})\\)");

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  private final Map<String, String> env = Map.of("TEMPORAL_ADDRESS", temporal.target());

  record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new PlaybookCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static PollerProbe probe(String account) {
    return temporal.client().newWorkflowStub(PollerProbe.class, "scim-playbook-poller-" + account);
  }

  private static String runIdIn(String text) {
    Matcher m = RUN_ID.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  private static WorkflowExecutionStatus state(String account) {
    return temporal.client().newUntypedWorkflowStub("scim-playbook-poller-" + account).describe().getStatus();
  }

  @Test
  void startStartsTheAccountsPollerWithTheGivenIntervalAndDefaultsForTheRest() {
    Result result = cli("poller", "start", "--account", "9101", "--interval", "PT45S");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Started the events-feed poller scim-playbook-poller-9101 (run ")
        .contains("every PT45S");
    PollerInput input = probe("9101").startedWith();
    assertThat(input).isEqualTo(PollerInput.fresh("9101", PollerOptions.defaults().withPollInterval(Duration.ofSeconds(45)),
        PlaybookOptions.defaults()));
    assertThat(temporal.client().newUntypedWorkflowStub("scim-playbook-poller-9101").describe().getTaskQueue())
        .isEqualTo("scim-playbook");
  }

  @Test
  void startWithoutAnIntervalUsesTheDefaults() {
    Result result = cli("poller", "start", "--account", "9102");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("every PT30S");
    assertThat(probe("9102").startedWith().options()).isEqualTo(PollerOptions.defaults());
  }

  @Test
  void aSecondStartLeavesTheRunningPollerItsRunItsSettingsAndItsMarker() {
    Result first = cli("poller", "start", "--account", "9103", "--interval", "PT45S");
    assertThat(first.code()).as(first.err()).isZero();
    String runId = runIdIn(first.out());
    probe("9103").polled("marker-17", 2, 3);
    awaitStatusShowing("9103", "marker-17");

    Result second = cli("poller", "start", "--account", "9103", "--interval", "PT5M");

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).isEqualTo("The events-feed poller scim-playbook-poller-9103 is already running (run "
        + runId + "); left alone\n");
    assertThat(temporal.client().newUntypedWorkflowStub("scim-playbook-poller-9103").describe().getExecution().getRunId())
        .isEqualTo(runId);
    assertThat(probe("9103").startedWith().options().pollInterval()).isEqualTo(Duration.ofSeconds(45));
    PollerStatus status = temporal.client()
        .newWorkflowStub(EventsFeedPollerWorkflow.class, "scim-playbook-poller-9103").status();
    assertThat(status.marker()).isEqualTo("marker-17");
    assertThat(status.polls()).isEqualTo(2);
    assertThat(status.eventsDelivered()).isEqualTo(3);
  }

  @Test
  void statusShowsThePollersProgressAsTextAndAsJson() throws Exception {
    assertThat(cli("poller", "start", "--account", "9104").code()).isZero();
    probe("9104").polled("marker-3", 3, 5);

    Result text = awaitStatusShowing("9104", "marker-3");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("Poller scim-playbook-poller-9104\n")
        .contains("  marker:            marker-3\n")
        .contains("  polls:             3\n")
        .contains("  events delivered:  5\n")
        .doesNotContain("(stopping)").doesNotContain("back-off").doesNotContain("none yet");

    Result json = cli("poller", "status", "--account", "9104", "--json");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode node = new ObjectMapper().readTree(json.out());
    assertThat(node.get("accountId").asText()).isEqualTo("9104");
    assertThat(node.get("marker").asText()).isEqualTo("marker-3");
    assertThat(node.get("polls").asLong()).isEqualTo(3);
    assertThat(node.get("eventsDelivered").asLong()).isEqualTo(5);
    assertThat(node.get("stopping").asBoolean()).isFalse();
  }

  @Test
  void statusOfAFreshPollerSaysItHasNotPolledYet() {
    assertThat(cli("poller", "start", "--account", "9105").code()).isZero();

    Result text = cli("poller", "status", "--account", "9105");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("  marker:            (start of the feed)\n")
        .contains("  polls:             0\n").contains("  last poll:         none yet\n");
  }

  @Test
  void stopEndsThePollerASecondStopFindsNoneAndAStartAfterwardsIsANewRun() {
    Result started = cli("poller", "start", "--account", "9106");
    assertThat(started.code()).as(started.err()).isZero();
    String firstRun = runIdIn(started.out());

    Result stopped = cli("poller", "stop", "--account", "9106");

    assertThat(stopped.code()).as(stopped.err()).isZero();
    assertThat(stopped.out()).isEqualTo(
        "Stop requested for scim-playbook-poller-9106; it ends after its current poll, keeping its marker\n");
    temporal.client().newUntypedWorkflowStub("scim-playbook-poller-9106").getResult(Void.class);
    assertThat(state("9106")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);

    Result again = cli("poller", "stop", "--account", "9106");
    assertThat(again.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(again.err()).isEqualTo("error: no running events-feed poller for account 9106\n");

    Result restarted = cli("poller", "start", "--account", "9106");
    assertThat(restarted.code()).as(restarted.err()).isZero();
    assertThat(restarted.out()).startsWith("Started the events-feed poller scim-playbook-poller-9106");
    assertThat(runIdIn(restarted.out())).isNotEqualTo(firstRun);
    assertThat(state("9106")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }

  @Test
  void stopAndStatusWithoutAPollerAreNotFound() {
    Result stop = cli("poller", "stop", "--account", "9199");
    Result status = cli("poller", "status", "--account", "9199");

    assertThat(stop.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(stop.err()).isEqualTo("error: no running events-feed poller for account 9199\n");
    assertThat(status.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(status.err()).isEqualTo("error: no events-feed poller for account 9199\n");
    assertThat(stop.out() + status.out()).isEmpty();
    assertThat(temporal.exists("scim-playbook-poller-9199")).isFalse();
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(new String[] {"poller"}, "poller needs a sub-verb: start, stop or status"),
        Arguments.of(new String[] {"poller", "--account", "9201"}, "poller needs a sub-verb: start, stop or status"),
        Arguments.of(new String[] {"poller", "restart", "--account", "9201"},
            "unknown verb 'poller restart'; poller takes start, stop or status"),
        Arguments.of(new String[] {"poller", "start"}, "poller start needs --account A"),
        Arguments.of(new String[] {"poller", "start", "--account", " "}, "poller start needs --account A"),
        Arguments.of(new String[] {"poller", "start", "--account", "92/01"},
            "--account must be 1-64 letters, digits, '_' or '.', got '92/01'"),
        Arguments.of(new String[] {"poller", "start", "--account", "9201", "--interval", "30s"},
            "--interval must be an ISO-8601 duration such as PT30S, got '30s'"),
        Arguments.of(new String[] {"poller", "start", "--account", "9201", "--interval", "PT0S"},
            "--interval: poll interval must be a positive duration, got PT0S"),
        Arguments.of(new String[] {"poller", "start", "--account", "9201", "--interval", "PT0.5S"},
            "--interval: poll interval (PT0.5S) must not be shorter than the min spacing (PT1S)"),
        Arguments.of(new String[] {"poller", "start", "--account", "9201", "--json"},
            "unknown option --json for poller start"),
        Arguments.of(new String[] {"poller", "start", "--account", "9201", "--account", "9202"},
            "--account is given more than once"),
        Arguments.of(new String[] {"poller", "stop", "--account", "9201", "--interval", "PT1M"},
            "unknown option --interval for poller stop"),
        Arguments.of(new String[] {"poller", "stop", "9201"}, "unexpected argument '9201' for poller stop"),
        Arguments.of(new String[] {"poller", "status", "--account", "9201", "--json=yes"}, "--json takes no value"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorsExit2WithTheErrorAndAHelpLineAndStartNothing(String[] args, String message) {
    Result result = cli(args);

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).isEqualTo("error: " + message + "\n" + PlaybookCli.HELP_HINT + "\n");
    assertThat(result.out()).isEmpty();
    assertThat(temporal.exists("scim-playbook-poller-9201")).isFalse();
    assertThat(temporal.exists("scim-playbook-poller-9202")).isFalse();
  }

  @Test
  void helpListsThePollerVerbs() {
    Result result = cli("poller", "start", "--help");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("poller start --account A [--interval PT30S]")
        .contains("poller stop --account A").contains("poller status --account A [--json]");
  }

  /** A signal shows in a query once the workflow task that handles it completes; bounded, each call paces it. */
  private Result awaitStatusShowing(String account, String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    Result last = null;
    while (System.nanoTime() < deadline) {
      last = cli("poller", "status", "--account", account);
      if (last.out().contains(text)) {
        return last;
      }
    }
    throw new AssertionError("poller status never showed " + text + "; last: " + last);
  }
}
