package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxIdp;
import io.scimplaybook.sandbox.Scenario;
import io.scimplaybook.workflows.HistoryText;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each IdP's playbook end to end: the real worker (real activities and clients, the IdP's own port) against the
 * sandbox playing that IdP in its wire format, on the time-skipping test server, through the four basic scenarios. An
 * operator ({@link SandboxOperator}) answers every task as the demo's does. What the IdP's API automates must never
 * become a task, and every manual claim must have been checked against the evidence.
 */
class EveryIdpEndToEndTest {
  private static final String ACCOUNT = "12345";
  private static final String SOURCE = "7";

  /** What each IdP's port automates of the capabilities that are otherwise a task (sandbox defaults: Okta's token API off). */
  private static final Map<SandboxIdp, Set<IdpCapability>> AUTOMATED = Map.of(
      SandboxIdp.ENTRA, EnumSet.of(IdpCapability.PROVISION_NOW, IdpCapability.SAVE_TOKEN,
          IdpCapability.READ_SCHEDULED_CYCLE),
      // The System Log shows pushes and scheduled imports; the app user's update pushes the probe user now.
      SandboxIdp.OKTA, EnumSet.of(IdpCapability.PROVISION_NOW, IdpCapability.READ_SCHEDULED_CYCLE),
      // The events API shows provisioning outcomes; nothing provisions or saves a token.
      SandboxIdp.ONELOGIN, EnumSet.of(IdpCapability.READ_SCHEDULED_CYCLE),
      SandboxIdp.CUSTOM, EnumSet.noneOf(IdpCapability.class));

  /** The task a capability becomes when the IdP cannot do it. */
  private static final Map<IdpCapability, TaskKind> TASK_OF = Map.of(
      IdpCapability.PROVISION_NOW, TaskKind.PROVISION_MANUALLY,
      IdpCapability.SAVE_TOKEN, TaskKind.INSTALL_TOKEN_MANUALLY,
      IdpCapability.READ_SCHEDULED_CYCLE, TaskKind.CONFIRM_SCHEDULED_SYNC);

  private static final Set<TaskKind> MANUAL_CLAIMS = EnumSet.of(TaskKind.PROVISION_MANUALLY,
      TaskKind.INSTALL_TOKEN_MANUALLY, TaskKind.CONFIRM_SCHEDULED_SYNC);

  /**
   * The demo's windows ({@code ./scim-playbook demo}): the sandbox's IdPs push every 5 s, so an hour's window of
   * skipped time holds 720 cycles, more events than the OneLogin port reads (20 pages) before it calls the read
   * incomplete; a real IdP pushes every 40 minutes or so.
   */
  static final PlaybookOptions OPTIONS = PlaybookOptions.defaults().withMonitoringWindow(Duration.ofMinutes(2))
      .withRecoveryProofTimeout(Duration.ofMinutes(3));

  @TempDir Path escalations;
  private SandboxWorker world;

  @AfterEach
  void tearDown() {
    if (world != null) {
      world.close();
    }
  }

  static Stream<Arguments> idpsAndScenarios() {
    return Stream.of(SandboxIdp.values()).flatMap(idp -> Stream.of(
        Arguments.of(idp, Scenario.TOKEN_MISMATCH, Outcome.RESOLVED, RootCause.TOKEN_MISMATCH),
        Arguments.of(idp, Scenario.CONFIG_CHANGE, Outcome.RESOLVED, RootCause.CONFIG_CHANGE),
        Arguments.of(idp, Scenario.TRANSIENT, Outcome.RESOLVED, RootCause.TRANSIENT),
        Arguments.of(idp, Scenario.PERSISTENT, Outcome.ESCALATED, null)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("idpsAndScenarios")
  void theRunEndsAsTheScenarioDoesWithOnlyTheManualStepsAsTasks(
      SandboxIdp idp, Scenario scenario, Outcome outcome, RootCause rootCause) throws Exception {
    world = new SandboxWorker(SandboxConfig.defaults().withPort(0).withIdp(idp).withScenario(scenario), escalations)
        .start();
    Set<IdpCapability> automated = EnumSet.noneOf(IdpCapability.class);
    automated.addAll(world.activities.sources().describeSource(ACCOUNT, SOURCE).automated());
    assertThat(automated).as("what the %s port automates", idp).containsAll(AUTOMATED.get(idp));
    TASK_OF.keySet().stream().filter(c -> !AUTOMATED.get(idp).contains(c))
        .forEach(c -> assertThat(automated).as("%s is left to a person on %s", c, idp).doesNotContain(c));

    String workflowId = PlaybookIds.workflowId(ACCOUNT, SOURCE);
    ScimPlaybookWorkflow stub = world.client.newWorkflowStub(ScimPlaybookWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    BatchRequest start = world.client.newSignalWithStartRequest();
    start.add(stub::run, new PlaybookInput(ACCOUNT, SOURCE, OPTIONS));
    start.add(stub::failureReported, new ScimFailureEvent(ACCOUNT, SOURCE, Instant.now().minusSeconds(240),
        "invalid credentials", world.sandbox.storyId(), ScimFailureEvent.ORIGIN_WEBHOOK));
    world.client.signalWithStart(start);
    SandboxOperator operator = new SandboxOperator(world);
    PlaybookReport report = operator.playToEnd(
        world.client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId), workflowId);

    String tasks = idp + " " + scenario + " asked " + operator.asked + "; " + report.conclusion();
    assertThat(report.outcome()).as(tasks).isEqualTo(outcome);
    if (rootCause != null) {
      assertThat(report.rootCause()).as(tasks).isEqualTo(rootCause);
    }
    AUTOMATED.get(idp).forEach(c -> assertThat(operator.asked).as(tasks).doesNotContain(TASK_OF.get(c)));
    List<String> evidence = report.steps().stream().map(StepRecord::evidence).flatMap(List::stream).toList();
    if (operator.asked.stream().anyMatch(MANUAL_CLAIMS::contains)) {
      assertThat(evidence).as(tasks).anyMatch(e -> e.startsWith("Claim HELD") || e.startsWith("Claim UNVERIFIED"));
    }
    if (idp == SandboxIdp.OKTA && scenario == Scenario.TOKEN_MISMATCH) {
      // Okta's automated push is how the run checks the operator's paste: after it succeeds, the claim held.
      assertThat(evidence).as(tasks).anyMatch(e -> e.startsWith("Claim HELD: the new token is installed"));
    }
    String history = HistoryText.of(world.client.fetchHistory(workflowId));
    operator.tokens.forEach(token -> assertThat(history).as("the approved token").doesNotContain(token));
    System.out.println("[every-idp] " + tasks + " | claims " + evidence.stream().filter(e -> e.startsWith("Claim "))
        .map(e -> e.substring(0, Math.min(e.length(), 60))).toList());
  }
}
