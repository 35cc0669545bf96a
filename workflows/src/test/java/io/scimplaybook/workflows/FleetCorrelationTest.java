package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.FleetTestEnvironment.noted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.fleet.AffectedSource;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetIncidentDetail;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetStatus;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fleet-hold-v1: one failure reason across many sources is one suspected provider incident; its runs hold before
 * asking people and go on by themselves when it clears.
 */
class FleetCorrelationTest {
  private static final int THRESHOLD = 3;
  private FleetTestEnvironment t;
  private final AtomicBoolean providerDown = new AtomicBoolean(true);

  private static FleetSettings settings(Duration maxHold, boolean hold, boolean enabled) {
    return new FleetSettings(enabled, THRESHOLD, Duration.ofMinutes(15), Duration.ofMinutes(45), maxHold, hold, 2_000);
  }

  private FleetTestEnvironment world(FleetSettings settings) {
    t = new FleetTestEnvironment(settings);
    t.fake.provisionBySource = p -> providerDown.get() ? FakeActivities.failed() : FakeActivities.succeeded();
    return t;
  }

  @AfterEach
  void tearDown() {
    if (t != null) {
      t.close();
    }
  }

  /** The same outage seen by each source, worded with its own request id and time: one reason key. */
  private static String outage(int n) {
    return "Provisioning failed: HTTP 503 Service Unavailable from scimservice (request 8f3a" + n + "b1c) at "
        + "2026-11-29T06:0" + n + ":00Z";
  }

  /**
   * Starts the runs with their first provisioning held back until the watch has declared the incident and told every
   * one of them, so the test does not depend on which run reaches its people steps first.
   */
  private List<String> startLinedUp(List<String> accountSources) {
    CountDownLatch gate = new CountDownLatch(1);
    t.fake.provisionGate = gate;
    List<String> ids = new ArrayList<>();
    int n = 0;
    for (String as : accountSources) {
      String[] parts = as.split("/");
      ids.add(t.start(parts[0], parts[1], outage(n++)));
    }
    t.awaitFleet(f -> !f.open().isEmpty(), "an open incident");
    for (String id : ids) {
      t.awaitStatus(id, s -> noted(s, "The fleet watch declared"), "told of the incident");
    }
    gate.countDown();
    return ids;
  }

  private PlaybookStatus awaitHeld(String id) {
    return t.awaitStatus(id, s -> s.step() == Step.FLEET_HOLD, "held for the fleet incident");
  }

  private PlaybookStatus awaitRotationTask(String id) {
    return t.awaitStatus(id, s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
        "asking for a token rotation");
  }

  @Test
  void belowTheThresholdThereIsNoIncidentAndRunsAskPeopleAsBefore() {
    world(settings(Duration.ofHours(4), true, true));
    String a = t.start("101", "7", outage(1));
    String b = t.start("102", "7", outage(2));

    awaitRotationTask(a);
    awaitRotationTask(b);

    FleetStatus fleet = t.awaitFleet(f -> f.sightings() == 2, "both sightings counted");
    assertThat(fleet.open()).isEmpty();
    assertThat(fleet.trackedSources()).isEqualTo(2);
    assertThat(t.status(a).timeline()).noneMatch(e -> e.text().contains("fleet incident"));
  }

  @Test
  void atTheThresholdAcrossAccountsRunsHoldAskNobodyAndResolveAsAProviderIncidentWhenItClears() {
    world(settings(Duration.ofHours(4), true, true));
    List<String> ids = startLinedUp(List.of("101/7", "102/7", "103/7"));

    for (String id : ids) {
      PlaybookStatus held = awaitHeld(id);
      assertThat(held.pendingTask()).isNull();
      assertThat(noted(held, "Held for fleet incident F1 (")).isTrue();
    }
    // The UI's current details say why nobody is asked anything.
    String details = t.client.newUntypedWorkflowStub(ids.get(0))
        .query(OperatorView.METADATA_QUERY, WorkflowMetadata.class).getCurrentDetails();
    assertThat(details).contains("**Step:** FLEET_HOLD").contains("### Held for fleet incident F1 (")
        .contains("nobody is asked to revert a change or rotate a token").doesNotContain("Action needed");
    FleetIncidentDetail open = t.fleet().open().get(0);
    assertThat(open.incident().scope()).isEqualTo(FleetScope.ACROSS_ACCOUNTS);
    assertThat(open.incident().scopeLabel()).isEqualTo("3 accounts");
    assertThat(open.incident().key()).isEqualTo("provisioning failed http service unavailable from scimservice request at");
    assertThat(open.affected()).extracting(AffectedSource::workflowId).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(t.fake.notifications).as("no operator is told about a task while held").isEmpty();
    String watchDetails = t.client.newUntypedWorkflowStub(PlaybookIds.FLEET_WORKFLOW_ID)
        .query(OperatorView.METADATA_QUERY, WorkflowMetadata.class).getCurrentDetails();
    assertThat(watchDetails).contains("**Suspected provider incidents:** 1 open")
        // The reason as the sighting that reached the threshold worded it.
        .contains("### Open F1: Provisioning failed: HTTP 503 Service Unavailable from scimservice (request 8f3a").contains("- scope: across 3 accounts").contains("- 3 sources: ");
    int provisionsWhileHeld = t.fake.provisionCalls.get();

    providerDown.set(false);
    for (String id : ids) {
      PlaybookReport r = t.result(id);
      assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
      assertThat(r.rootCause()).isEqualTo(RootCause.PROVIDER_INCIDENT);
      assertThat(r.conclusion()).contains("fleet incident F1").contains("3 sources across 3 accounts");
      assertThat(r.steps()).anyMatch(step -> step.step() == Step.FLEET_HOLD);
      assertThat(r.steps()).noneMatch(step -> step.step() == Step.TOKEN_ROTATION || step.step() == Step.AUDIT_REVIEW);
    }
    assertThat(t.fake.provisionCalls.get()).as("each run provisioned again after the clear")
        .isEqualTo(provisionsWhileHeld + ids.size());
    assertThat(t.fake.notifications).isEmpty();
    FleetStatus fleet = t.fleet();
    assertThat(fleet.open()).isEmpty();
    FleetIncident cleared = fleet.recent().get(0).incident();
    assertThat(cleared.id()).isEqualTo("F1");
    assertThat(cleared.affectedSources()).isEqualTo(3);
    // The quiet period after the last sighting, give or take the timer's firing.
    assertThat(cleared.clearedAt()).isBetween(cleared.lastSightingAt().plus(Duration.ofMinutes(45)),
        cleared.lastSightingAt().plus(Duration.ofMinutes(45)).plusSeconds(5));
  }

  @Test
  void withinOneTenantTheIncidentTakesOnlyThatTenantsSources() {
    world(settings(Duration.ofHours(4), true, true));
    t.fake.tenants = s -> s.equals("200/4") ? "tenant-b" : "tenant-a";
    List<String> ids = startLinedUp(List.of("200/1", "200/2", "200/3"));
    ids.forEach(this::awaitHeld);

    String otherTenant = t.start("200", "4", outage(4));
    awaitRotationTask(otherTenant);

    FleetIncidentDetail open = t.fleet().open().get(0);
    assertThat(open.incident().scope()).isEqualTo(FleetScope.TENANT);
    assertThat(open.incident().scopeLabel()).isEqualTo("ENTRA_ID tenant-a");
    assertThat(open.affected()).extracting(AffectedSource::workflowId).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(t.fleet().open()).hasSize(1);
  }

  @Test
  void refusedTokensInOneTenantAreNoIncidentButEachGoesOnToItsRotation() {
    world(settings(Duration.ofHours(4), true, true));
    t.fake.tenants = s -> "tenant-a";
    String refused = "Provisioning failed: invalid credentials, the bearer token presented by the identity provider was "
        + "rejected (HTTP 401)";
    List<String> ids = List.of(t.start("400", "1", refused), t.start("400", "2", refused),
        t.start("400", "3", refused));

    ids.forEach(this::awaitRotationTask);
    FleetStatus fleet = t.awaitFleet(f -> f.sightings() == 3, "all three counted");
    assertThat(fleet.open()).isEmpty();
  }

  @Test
  void sourcesOfOneAccountWithoutAKnownTenantAreNoIncidentAcrossAccounts() {
    world(settings(Duration.ofHours(4), true, true));
    List<String> ids = List.of(t.start("300", "1", outage(1)), t.start("300", "2", outage(2)),
        t.start("300", "3", outage(3)));

    ids.forEach(this::awaitRotationTask);
    FleetStatus fleet = t.awaitFleet(f -> f.sightings() == 3, "all three counted");
    assertThat(fleet.open()).isEmpty();
  }

  @Test
  void whenTheIncidentClearsButProvisioningStillFailsTheRunGoesOnToPeople() {
    world(settings(Duration.ofHours(4), true, true));
    List<String> ids = startLinedUp(List.of("101/7", "102/7", "103/7"));
    ids.forEach(this::awaitHeld);

    t.env.sleep(Duration.ofMinutes(46));

    for (String id : ids) {
      PlaybookStatus s = awaitRotationTask(id);
      assertThat(noted(s, "Fleet incident F1 cleared at")).isTrue();
      assertThat(noted(s, "Provisioning still fails after fleet incident F1 cleared")).isTrue();
    }
    assertThat(t.fleet().open()).isEmpty();
    assertThat(t.fleet().recent()).hasSize(1);
  }

  @Test
  void afterTheMaximumHoldTheRunAsksPeopleEvenThoughTheIncidentLasts() {
    world(settings(Duration.ofMinutes(30), true, true));
    List<String> ids = startLinedUp(List.of("101/7", "102/7", "103/7"));
    ids.forEach(this::awaitHeld);
    assertThat(t.fake.notifications).isEmpty();

    t.env.sleep(Duration.ofMinutes(31));

    for (String id : ids) {
      PlaybookStatus s = awaitRotationTask(id);
      assertThat(s.steps()).anyMatch(r -> r.step() == Step.FLEET_HOLD
          && r.summary().contains("did not clear within the maximum hold (PT30M)"));
    }
    assertThat(t.fleet().open()).as("the incident itself is still open").hasSize(1);
  }

  @Test
  void withTheHoldOffIncidentsAreStillDeclaredButRunsAskPeople() {
    world(settings(Duration.ofHours(4), false, true));
    List<String> ids = startLinedUp(List.of("101/7", "102/7", "103/7"));

    ids.forEach(this::awaitRotationTask);
    assertThat(t.fleet().open()).hasSize(1);
    ids.forEach(id -> assertThat(t.status(id).steps()).noneMatch(r -> r.step() == Step.FLEET_HOLD));
  }

  @Test
  void withCorrelationOffNothingIsReportedAndNobodyHolds() {
    world(settings(Duration.ofHours(4), true, false));
    List<String> ids = List.of(t.start("101", "7", outage(1)), t.start("102", "7", outage(2)),
        t.start("103", "7", outage(3)));

    ids.forEach(this::awaitRotationTask);
    assertThatThrownBy(() -> t.fleet()).as("the watch was never started");
  }
}
