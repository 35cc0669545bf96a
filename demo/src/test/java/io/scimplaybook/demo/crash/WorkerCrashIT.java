package io.scimplaybook.demo.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.sandbox.RequestHook;
import io.scimplaybook.sandbox.Scenario;
import io.scimplaybook.sandbox.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Crash tests with real processes (issue 12): the production worker jar runs in its own JVM and is killed with SIGKILL
 * at each step boundary, then a new worker JVM takes over. Temporal (the Java test server, port-bound, wall-clock) and
 * the sandbox live in this JVM and outlive every worker. Each run must reach the outcome it reaches without a crash,
 * save the token once or idempotently and deliver the support bundle once.
 *
 * <p>The workers run with {@code scim-playbook.failover.sticky-execution=false} (the test server never moves a run off a
 * dead worker's sticky queue; a real server does after 5 s) and {@code activity-start-to-close=5s}, so a call a dead
 * worker held is handed on after about 5 s plus its first retry interval, not ActivityPolicies' 30 to 60 s.
 */
class WorkerCrashIT {
  /** What the run reaches without a crash (TokenMismatchEndToEndTest, worker module). */
  private static final List<Step> TOKEN_MISMATCH_STEPS = List.of(Step.VERIFY, Step.PROVISION_ON_DEMAND,
      Step.AUDIT_REVIEW, Step.TOKEN_ROTATION, Step.PROVISION_ON_DEMAND, Step.RECOVERY_CHECK, Step.MONITORING);
  private static final PlaybookOptions SHORT = PlaybookOptions.defaults()
      .withMonitoringWindow(Duration.ofSeconds(10))
      .withRecoveryProofTimeout(Duration.ofMinutes(2));

  @Test
  void aTokenMismatchRunIsResolvedThoughItsWorkerIsKilledAtEveryStep(TestInfo test) throws Exception {
    long began = System.nanoTime();
    try (CrashRig rig = new CrashRig(Scenario.TOKEN_MISMATCH, workerJar(), workDir(test))) {
      ScimPlaybookWorkflow run = rig.startRun(SHORT);
      List<String> kills = new ArrayList<>();

      // 1. In verify: the stories query has reached Cato; its worker dies before the answer.
      Tripwire verify = rig.trip("verify: XOps stories query", r -> r.body().contains("query scimStories"));
      WorkerProcess worker = rig.startWorker();
      killWhenTripped(verify, worker, kills);

      // 2. In provision on demand: the call has reached Entra.
      Tripwire provision = rig.trip("provision on demand", r -> r.path().endsWith("/provisionOnDemand"));
      worker = rig.startWorker();
      killWhenTripped(provision, worker, kills);
      rig.sandbox.onRequest(RequestHook.NONE);

      // 3. While waiting for the approval: the operator answers while no worker runs at all.
      worker = rig.startWorker();
      PlaybookStatus waiting = rig.awaitStatus(run, s -> s.pendingTask() != null
          && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION, "an approval task");
      worker.kill();
      kills.add("waiting for approval");
      String token = rig.sandbox.generateCatoToken();
      run.approveRotation(new RotationApproval(waiting.pendingTask().id(), "alice", rig.seal.seal(token), null));

      // 4. Right after the token save: Entra applies the PUT, but the worker that sent it is already dead and never
      // learns that it succeeded; the next worker saves again.
      Tripwire save = rig.trip("token save", r -> r.method().equals("PUT") && r.path().endsWith("/secrets"));
      worker = rig.startWorker();
      killWhenTripped(save, worker, kills);
      // The tripwire stays armed to the end, passing every later save through and keeping its body.

      // 5. During monitoring: the window's durable timer runs on the server while no worker exists.
      worker = rig.startWorker();
      rig.awaitStatus(run, s -> s.step() == Step.MONITORING, "monitoring");
      worker.kill();
      kills.add("during monitoring");

      rig.startWorker();
      PlaybookReport report = rig.client.newUntypedWorkflowStub(rig.workflowId)
          .getResult(3, TimeUnit.MINUTES, PlaybookReport.class);

      assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.RESOLVED);
      assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
      assertThat(report.steps()).extracting(StepRecord::step).containsExactlyElementsOf(TOKEN_MISMATCH_STEPS);
      StateSnapshot state = rig.sandbox.state();
      // Saved by the killed worker's request (applied after its death) and again by the next worker's attempt (once
      // more if that attempt outran the 5 s start-to-close on a cold JVM): every save the same request, the same
      // token, so idempotent, and the IdP holds the token Cato accepts.
      List<String> saves = save.bodies();
      assertThat(state.idpSecretsSaved()).isGreaterThanOrEqualTo(2).isEqualTo(saves.size());
      assertThat(saves.stream().distinct().count()).as("different save requests").isEqualTo(1);
      assertThat(state.idpTokenMatchesCato()).isTrue();
      assertThat(state.catoTokensGenerated()).isEqualTo(1);
      assertThat(state.provisioningWorks()).isTrue();
      assertThat(state.jobRestarts()).isPositive();
      assertThat(bundles(rig.escalations)).isEmpty();

      // Each kill in a call left its trace: the call was handed on after its start-to-close ran out.
      List<ActivityAttempts> calls = ActivityAttempts.of(rig.client.fetchHistory(rig.workflowId).getEvents());
      assertThat(calls).allSatisfy(c -> assertThat(c.startToClose()).isEqualTo(CrashRig.ACTIVITY_START_TO_CLOSE));
      List<String> takenOver = calls.stream().filter(ActivityAttempts::takenOver).map(ActivityAttempts::type).toList();
      assertThat(takenOver).as(calls.toString()).contains("FindScimStories", "ProvisionOnDemand", "SaveTokenAtIdp");
      assertThat(calls.stream().filter(c -> c.type().equals("SaveTokenAtIdp"))).hasSize(1);

      assertThat(kills).hasSize(5);
      assertNoWorkerLogged(rig, token);
      assertThat(rig.client.fetchHistory(rig.workflowId).toString()).doesNotContain(token);
      report(test, began, rig, kills);
    }
  }

  @Test
  void aPersistentFailureIsEscalatedWithOneBundleThoughTheWorkerDiesDelivering(TestInfo test) throws Exception {
    long began = System.nanoTime();
    try (CrashRig rig = new CrashRig(Scenario.PERSISTENT, workerJar(), workDir(test))) {
      ScimPlaybookWorkflow run = rig.startRun(SHORT);
      WorkerProcess worker = rig.startWorker();
      PlaybookStatus waiting = rig.awaitStatus(run, s -> s.pendingTask() != null
          && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION, "an approval task");

      // The operator refuses the rotation: the run escalates, and the worker dies the moment the bundle's first file
      // appears, while the delivery is under way.
      run.rejectRotation(new RotationRejection(waiting.pendingTask().id(), "alice", "the token is not the problem"));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (bundles(rig.escalations).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no support bundle was written within 2 minutes");
        }
        Thread.onSpinWait();
      }
      worker.kill();
      List<Path> atKill = bundles(rig.escalations);

      rig.startWorker();
      PlaybookReport report = rig.client.newUntypedWorkflowStub(rig.workflowId)
          .getResult(3, TimeUnit.MINUTES, PlaybookReport.class);

      assertThat(report.outcome()).as(report.conclusion()).isEqualTo(Outcome.ESCALATED);
      List<Path> delivered = bundles(rig.escalations);
      assertThat(delivered).extracting(p -> p.getFileName().toString())
          .hasSize(2)
          .anyMatch(name -> name.endsWith(".json"))
          .anyMatch(name -> name.endsWith(".md"));
      assertThat(Path.of(report.bundleLocation())).isIn(delivered);
      assertThat(report.steps()).extracting(StepRecord::step).contains(Step.VERIFY, Step.PROVISION_ON_DEMAND,
          Step.TOKEN_ROTATION);
      assertThat(rig.sandbox.state().idpSecretsSaved()).isZero();

      List<ActivityAttempts> deliveries = ActivityAttempts.of(rig.client.fetchHistory(rig.workflowId).getEvents())
          .stream().filter(c -> c.type().equals("DeliverBundle")).toList();
      assertThat(deliveries).hasSize(1);
      report(test, began, rig, List.of("delivering the bundle (files at the kill: " + atKill.size()
          + "; the delivery finished on attempt " + deliveries.get(0).attempt() + ")"));
    }
  }

  private static void killWhenTripped(Tripwire wire, WorkerProcess worker, List<String> kills)
      throws InterruptedException {
    wire.awaitTripped(120);
    worker.kill();
    wire.release();
    kills.add(wire.toString());
  }

  /** The support bundle's files; a hidden temporary file a kill left behind is not a bundle. */
  private static List<Path> bundles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  private static void assertNoWorkerLogged(CrashRig rig, String secret) throws IOException {
    for (WorkerProcess worker : rig.workers()) {
      assertThat(worker.output()).as(worker.log.toString()).doesNotContain(secret);
    }
  }

  private static void report(TestInfo test, long began, CrashRig rig, List<String> kills) {
    System.out.printf("%s: %d kills (%s), %d workers, ready in %s s, %.1f s in all%n",
        test.getDisplayName(), kills.size(), String.join(", ", kills), rig.workers().size(),
        rig.workers().stream().map(w -> String.format("%.1f", w.startup.toMillis() / 1000.0)).toList(),
        (System.nanoTime() - began) / 1e9);
  }

  private static Path workerJar() {
    String jar = System.getProperty("crash.worker-jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the worker's exec jar (system property crash.worker-jar, set by demo/pom.xml) "
          + "is missing: " + jar + "; build it with mvn -pl demo -am verify");
    }
    return Path.of(jar);
  }

  private static Path workDir(TestInfo test) throws IOException {
    Path dir = Path.of("target", "crash-it", test.getTestMethod().orElseThrow().getName());
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return Files.createDirectories(dir).toAbsolutePath();
  }
}
