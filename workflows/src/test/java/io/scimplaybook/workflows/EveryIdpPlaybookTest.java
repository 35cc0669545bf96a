package io.scimplaybook.workflows;

import static io.scimplaybook.api.input.IdpCapability.PROVISION_NOW;
import static io.scimplaybook.api.input.IdpCapability.READ_CONFIG_CHANGES;
import static io.scimplaybook.api.input.IdpCapability.READ_PROVISIONING_FAILURES;
import static io.scimplaybook.api.input.IdpCapability.READ_SCHEDULED_CYCLE;
import static io.scimplaybook.api.input.IdpCapability.RESTART_JOB;
import static io.scimplaybook.api.input.IdpCapability.SAVE_TOKEN;
import static io.scimplaybook.api.input.IdpCapability.TEST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskDecision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every IdP Cato supports, with the capability sets a real worker gives it (idp-port-v1), through every root cause the
 * playbook tells apart; operators answer by signal as the CLI does. Plus the checks of their answers: a contradicted
 * claim re-opens its task, the bound on that, what UNVERIFIED says, and a profile from before the port.
 */
class EveryIdpPlaybookTest {
  static final String TOKEN = "rotated-token-5d1c";

  /** The IdPs as the worker's ports describe them. */
  enum Setup {
    ENTRA(Idp.ENTRA_ID, List.of(IdpCapability.values()), List.of()),
    OKTA_WITH_CONNECTIONS_API(Idp.OKTA,
        List.of(PROVISION_NOW, SAVE_TOKEN, READ_CONFIG_CHANGES, READ_PROVISIONING_FAILURES, READ_SCHEDULED_CYCLE),
        List.of("token test: Okta has no API to test a token without saving it",
            "job restart: Okta has no provisioning job to restart")),
    OKTA(Idp.OKTA, List.of(PROVISION_NOW, READ_CONFIG_CHANGES, READ_PROVISIONING_FAILURES, READ_SCHEDULED_CYCLE),
        List.of("token save: Okta's connections API does not support token auth for app 0oa1cato")),
    ONELOGIN(Idp.ONELOGIN, List.of(READ_CONFIG_CHANGES, READ_PROVISIONING_FAILURES, READ_SCHEDULED_CYCLE),
        List.of("provision now and token install: OneLogin's API offers neither for SCIM apps")),
    CUSTOM(Idp.CUSTOM, List.of(), List.of("custom SCIM app: the worker knows no API of it"));

    final Idp idp;
    final List<IdpCapability> automated;
    final List<String> manualBecause;

    Setup(Idp idp, List<IdpCapability> automated, List<String> manualBecause) {
      this.idp = idp;
      this.automated = automated;
      this.manualBecause = manualBecause;
    }

    boolean automates(IdpCapability c) {
      return automated.contains(c);
    }
  }

  enum Scenario { TOKEN_MISMATCH, CONFIG_CHANGE, TRANSIENT, PERSISTENT }

  private PlaybookTestEnvironment t;
  private FakeActivities fake;
  /** Every task the operator saw, in order. */
  private final List<OperatorTask> seen = new ArrayList<>();
  /** The operator's answers to manual tasks (not to approvals or reviews), in order. */
  private final List<Decision> answers = new ArrayList<>();

  @BeforeEach
  void setUp() {
    t = new PlaybookTestEnvironment();
    fake = t.fake;
    fake.validToken = TOKEN;
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  static Stream<Arguments> everyIdpAndCause() {
    return Arrays.stream(Setup.values())
        .flatMap(s -> Arrays.stream(Scenario.values()).map(c -> Arguments.of(s, c)));
  }

  private void given(Setup setup) {
    fake.idp = setup.idp;
    fake.automated = setup.automated;
    fake.manualBecause = setup.manualBecause;
  }

  private static ProvisionResult persistentFailure() {
    return new ProvisionResult(false, "probe@contoso.com", "Failure", "SCIM server returned 500: Internal Server Error");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @MethodSource("everyIdpAndCause")
  void eachIdpReachesTheOutcomeAndRootCauseOfEachScenario(Setup setup, Scenario scenario) {
    given(setup);
    fake.provisionResults.clear();
    switch (scenario) {
      case TOKEN_MISMATCH -> fake.provisionResults.addAll(List.of(FakeActivities.failed(), FakeActivities.succeeded()));
      case CONFIG_CHANGE -> {
        fake.provisionResults.addAll(List.of(FakeActivities.failed(), FakeActivities.succeeded()));
        fake.catoChanges = List.of(new ConfigChange("Cato audit trail", Instant.parse("2026-11-29T05:40:00Z"),
            "bob@contoso.com", "MODIFIED", "Domain", "contoso.com", "SCIM source renamed"));
      }
      case TRANSIENT -> fake.provisionResults.add(FakeActivities.succeeded());
      case PERSISTENT -> fake.provisionResults.add(persistentFailure());
    }
    // The operator does by hand what the IdP's API cannot, and answers as it went.
    int[] manualPushes = {0};
    t.start();
    PlaybookReport r = drive(task -> switch (task.kind()) {
      case PROVISION_MANUALLY -> {
        boolean works = switch (scenario) {
          case TRANSIENT -> true;
          case PERSISTENT -> false;
          default -> manualPushes[0] > 0;
        };
        manualPushes[0]++;
        yield works ? Decision.SUCCEEDED : Decision.FAILED;
      }
      case REVIEW_SUSPECTS -> scenario == Scenario.CONFIG_CHANGE ? Decision.REVERTED : Decision.DISMISSED;
      default -> Decision.SUCCEEDED;
    });

    RootCause cause = switch (scenario) {
      case TOKEN_MISMATCH -> RootCause.TOKEN_MISMATCH;
      case CONFIG_CHANGE -> RootCause.CONFIG_CHANGE;
      case TRANSIENT -> RootCause.TRANSIENT;
      case PERSISTENT -> RootCause.UNKNOWN;
    };
    assertThat(r.outcome()).isEqualTo(scenario == Scenario.PERSISTENT ? Outcome.ESCALATED : Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(cause);
    assertThat(r.idp()).isEqualTo(setup.idp);

    // What the API does is never asked of a person, and what it cannot do always is.
    Set<TaskKind> kinds = new HashSet<>(seen.stream().map(OperatorTask::kind).toList());
    assertThat(kinds.contains(TaskKind.PROVISION_MANUALLY)).isEqualTo(!setup.automates(PROVISION_NOW));
    assertThat(fake.provisionCalls.get() > 0).isEqualTo(setup.automates(PROVISION_NOW));
    boolean rotated = scenario == Scenario.TOKEN_MISMATCH || scenario == Scenario.PERSISTENT;
    assertThat(kinds.contains(TaskKind.INSTALL_TOKEN_MANUALLY)).isEqualTo(rotated && !setup.automates(SAVE_TOKEN));
    assertThat(fake.savedTokens).isEqualTo(rotated && setup.automates(SAVE_TOKEN) ? List.of(TOKEN) : List.of());
    assertThat(kinds.contains(TaskKind.CONFIRM_SCHEDULED_SYNC))
        .isEqualTo(r.outcome() == Outcome.RESOLVED && !setup.automates(READ_SCHEDULED_CYCLE));
    assertThat(fake.jobReads.get() > 0).isEqualTo(setup.automates(READ_SCHEDULED_CYCLE));
    if (scenario != Scenario.TRANSIENT) {
      assertThat(fake.idpChangeReads.get() > 0).isEqualTo(setup.automates(READ_CONFIG_CHANGES));
      assertThat(fake.idpFailureReads.get() > 0).isEqualTo(setup.automates(READ_PROVISIONING_FAILURES));
      assertThat(only(r, Step.AUDIT_REVIEW).evidence()).anyMatch(e -> setup.automates(READ_CONFIG_CHANGES)
          ? e.contains(setup.idp.displayName() + "'s directory audit")
          : e.startsWith(setup.idp.displayName() + "'s changes to the Cato app is not read by this worker"));
    }
    // Every manual "done" was checked, and the evidence says how.
    long claimed = answers.stream().filter(a -> a == Decision.SUCCEEDED).count();
    List<String> claims = r.steps().stream().flatMap(s -> s.evidence().stream())
        .filter(e -> e.matches("(?s).*Claim (HELD|CONTRADICTED|UNVERIFIED).*")).toList();
    assertThat(claims).hasSize((int) claimed);
    boolean idpTells = setup.automates(READ_PROVISIONING_FAILURES) || setup.automates(READ_SCHEDULED_CYCLE);
    assertThat(claims).allMatch(c -> c.contains(idpTells ? "Claim HELD" : "Claim UNVERIFIED"));
    assertThat(fake.claimsChecked).hasSize(idpTells ? (int) claimed : 0);
  }

  @Test
  void oktaTasksNameTheExactConsolePathsAndWhyTheyAreManual() {
    given(Setup.OKTA);
    fake.provisionResults.clear();
    fake.provisionResults.addAll(List.of(FakeActivities.failed(), FakeActivities.succeeded()));
    t.start();

    drive(task -> Decision.SUCCEEDED);

    OperatorTask install = seen.stream().filter(s -> s.kind() == TaskKind.INSTALL_TOKEN_MANUALLY).findFirst()
        .orElseThrow();
    assertThat(install.instructions()).contains("In the Okta Admin Console open Applications > Applications > "
            + "the Cato app for Contoso (7) (app id 0oa1cato) > Provisioning > Integration", "API token",
        "Why this is manual: token save: Okta's connections API does not support token auth for app 0oa1cato.");
    OperatorTask approve = seen.stream().filter(s -> s.kind() == TaskKind.APPROVE_ROTATION).findFirst().orElseThrow();
    assertThat(approve.instructions()).contains("asks you to install it in Okta and provisions probe@contoso.com again")
        .doesNotContain("Test Connection");
  }

  @Test
  void oneLoginAndCustomTasksNameTheirConsolePaths() {
    given(Setup.ONELOGIN);
    fake.provisionResults.clear();
    t.start();
    int[] pushes = {0};
    drive(task -> task.kind() == TaskKind.PROVISION_MANUALLY && pushes[0]++ == 0 ? Decision.FAILED : Decision.SUCCEEDED);

    assertThat(seen).filteredOn(s -> s.kind() == TaskKind.PROVISION_MANUALLY).first()
        .extracting(OperatorTask::instructions).asString()
        .contains("In OneLogin open Applications > the Cato app for Contoso (7) (app id 1234567) > Users",
            "Why this is manual: provision now and token install");
    assertThat(seen).filteredOn(s -> s.kind() == TaskKind.INSTALL_TOKEN_MANUALLY).first()
        .extracting(OperatorTask::instructions).asString()
        .contains("Applications > the Cato app for Contoso (7) (app id 1234567) > Configuration", "SCIM Bearer Token");
    assertThat(Instructions.installToken(fake.sourceOf(Setup.CUSTOM.idp, Setup.CUSTOM.automated,
        Setup.CUSTOM.manualBecause))).contains("SCIM settings of the client that provisions the Cato app for");
  }

  @Test
  void aContradictedClaimReopensTheTaskWithWhatWasSeenAndThenHolds() {
    // Okta without the connections API: the token is pasted by hand, and pushing the probe user checks it.
    given(Setup.OKTA);
    fake.provisionResults.clear();
    fake.provisionResults.addAll(List.of(FakeActivities.failed(), FakeActivities.failed(), FakeActivities.succeeded()));
    t.start();

    PlaybookReport r = drive(task -> Decision.SUCCEEDED);

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    List<OperatorTask> installs = seen.stream().filter(s -> s.kind() == TaskKind.INSTALL_TOKEN_MANUALLY).toList();
    assertThat(installs).hasSize(2);
    assertThat(installs.get(0).id()).isNotEqualTo(installs.get(1).id());
    assertThat(installs.get(1).title()).endsWith("(opened again: 1)");
    assertThat(installs.get(1).instructions()).startsWith("Opened again: the last answer said this was done")
        .contains("probe push: pushing probe@contoso.com failed: Failure invalid credentials");
    // A re-opened task is a task of its own: the operator is told about it like any other.
    assertThat(fake.notifications).extracting(Notification::taskId).contains(installs.get(0).id(), installs.get(1).id());
    StepRecord rotation = only(r, Step.TOKEN_ROTATION);
    assertThat(rotation.evidence())
        .anyMatch(e -> e.startsWith("Claim CONTRADICTED: the new token is installed in Okta"))
        .anyMatch(e -> e.startsWith("Claim HELD: the new token is installed in Okta")
            && e.contains("probe@contoso.com was pushed to Cato with the installed token"));
    // The push that proved the token is the proof that provisioning works again: no third push.
    assertThat(fake.provisionCalls).hasValue(3);
  }

  @Test
  void aClaimCatoContradictsIsReopenedOnlyUpToTheBoundThenTheStepFailsWithTheEvidence() {
    given(Setup.CUSTOM);
    fake.catoFailuresAfterAnswers.set(100);
    t.signalWithStart(PlaybookTestEnvironment.failure("invalid credentials"),
        PlaybookOptions.defaults().withClaimReopens(1));

    PlaybookReport r = drive(task -> Decision.SUCCEEDED);

    // The first provision's "done" is contradicted twice and fails; so is the installed token's.
    assertThat(seen).extracting(OperatorTask::kind).containsExactly(TaskKind.PROVISION_MANUALLY,
        TaskKind.PROVISION_MANUALLY, TaskKind.APPROVE_ROTATION, TaskKind.INSTALL_TOKEN_MANUALLY,
        TaskKind.INSTALL_TOKEN_MANUALLY);
    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.rootCause()).isEqualTo(RootCause.UNKNOWN);
    assertThat(r.conclusion()).contains("the evidence contradicted it every time",
        "Cato: 1 SCIM Provisioning / Failed event(s)", "SCIM server returned 401: invalid bearer token");
    assertThat(records(r, Step.PROVISION_ON_DEMAND).get(0).summary()).contains("contradicted it every time");
    assertThat(r.timeline()).anyMatch(e -> e.text().startsWith("The evidence contradicts the claim that")
        && e.text().endsWith("the task is opened again"));
  }

  @Test
  void anUnverifiedClaimIsTakenAndTheEvidenceSaysWhyNothingCouldTell() {
    given(Setup.CUSTOM);
    fake.provisionResults.clear();
    t.start();

    PlaybookReport r = drive(task -> Decision.SUCCEEDED);

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TRANSIENT);
    assertThat(only(r, Step.PROVISION_ON_DEMAND).evidence())
        .anyMatch(e -> e.startsWith("Claim UNVERIFIED, taken on the operator's word: one assigned user was "
            + "provisioned to Cato from Custom SCIM app")
            && e.contains("Custom SCIM app: this worker reads neither Custom SCIM app's provisioning failures nor its "
                + "scheduled cycles (custom SCIM app: the worker knows no API of it)")
            && e.contains("Cato: no SCIM Provisioning / Failed event after the answer"));
    assertThat(only(r, Step.MONITORING).evidence())
        .anyMatch(e -> e.startsWith("Operator confirmed a successful scheduled sync") && e.contains("Claim UNVERIFIED"));
  }

  @Test
  void theIdpsVerdictDecidesAndItsContradictionReopensTheScheduledSyncConfirmation() {
    // OneLogin with its logs read but not its cycles, so the scheduled sync is an operator's to confirm.
    given(Setup.ONELOGIN);
    fake.automated = List.of(READ_CONFIG_CHANGES, READ_PROVISIONING_FAILURES);
    fake.provisionResults.clear();
    fake.claimVerdicts.clear();
    fake.claimVerdicts.addAll(List.of(ClaimVerdict.HELD, ClaimVerdict.CONTRADICTED, ClaimVerdict.HELD));
    t.start();

    PlaybookReport r = drive(task -> Decision.SUCCEEDED);

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(seen).extracting(OperatorTask::kind).containsExactly(TaskKind.PROVISION_MANUALLY,
        TaskKind.CONFIRM_SCHEDULED_SYNC, TaskKind.CONFIRM_SCHEDULED_SYNC);
    assertThat(seen.get(2).instructions()).contains("application.integration.authentication_failure");
    assertThat(fake.claimsChecked).hasSize(3).allMatch(c -> !c.startsWith("TOKEN"));
    assertThat(fake.claimsChecked.get(1)).startsWith("SCHEDULED_SYNC_SUCCEEDED since ");
  }

  @Test
  void aProfileFromBeforeThePortBehavesAsItsReleaseDid() {
    // Okta with no capability list: every step is an operator's, as before the IdP port; nothing asks Okta.
    fake.idp = Idp.OKTA;
    fake.automated = null;
    t.start();

    PlaybookReport r = drive(task -> task.kind() == TaskKind.PROVISION_MANUALLY
        && seen.stream().filter(s -> s.kind() == TaskKind.PROVISION_MANUALLY).count() == 1
        ? Decision.FAILED : Decision.SUCCEEDED);

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(seen).extracting(OperatorTask::kind).containsExactly(TaskKind.PROVISION_MANUALLY,
        TaskKind.APPROVE_ROTATION, TaskKind.INSTALL_TOKEN_MANUALLY, TaskKind.PROVISION_MANUALLY,
        TaskKind.CONFIRM_SCHEDULED_SYNC);
    assertThat(fake.provisionCalls).hasValue(0);
    assertThat(fake.jobReads).hasValue(0);
    assertThat(fake.idpChangeReads).hasValue(0);
    assertThat(fake.idpFailureReads).hasValue(0);
    assertThat(fake.claimsChecked).isEmpty();
    assertThat(fake.savedTokens).isEmpty();
  }

  /**
   * Plays the operator until the run ends: answers each new task (approvals with the sealed token, as the CLI sends
   * them) and lets the test server's clock run between looks, so timers (the monitoring window) pass.
   */
  private PlaybookReport drive(Function<OperatorTask, Decision> operator) {
    Set<String> answered = new HashSet<>();
    // Generous: the build machine is shared, and a loaded one runs workflow tasks slowly; time itself is skipped.
    long deadline = System.nanoTime() + 180_000_000_000L;
    PlaybookStatus s = null;
    while (System.nanoTime() < deadline) {
      s = t.running().status();
      if (s.outcome() != null) {
        return t.result();
      }
      OperatorTask task = s.pendingTask();
      if (task != null && answered.add(task.id())) {
        seen.add(task);
        if (task.kind() == TaskKind.APPROVE_ROTATION) {
          t.running().approveRotation(new RotationApproval(task.id(), "alice", fake.seal.seal(TOKEN), null));
        } else {
          Decision answer = operator.apply(task);
          if (task.kind() != TaskKind.REVIEW_SUSPECTS) {
            answers.add(answer);
          }
          t.running().decideTask(new TaskDecision(task.id(), answer, "dave", null));
        }
      } else if (task == null || answered.contains(task.id())) {
        t.env.sleep(Duration.ofMinutes(5));
      }
    }
    return fail("the run did not end; tasks seen: " + seen.stream().map(OperatorTask::kind).toList() + "; timeline "
        + (s == null ? null : s.timeline()));
  }

  private static List<StepRecord> records(PlaybookReport r, Step step) {
    return r.steps().stream().filter(s -> s.step() == step).toList();
  }

  private static StepRecord only(PlaybookReport r, Step step) {
    List<StepRecord> found = records(r, step);
    assertThat(found).as("records of " + step).hasSize(1);
    return found.get(0);
  }
}
