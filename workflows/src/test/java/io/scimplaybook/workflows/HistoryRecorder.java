package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.RootCause;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the hand-recorded v2-recovery-proof-quarantine-restart.json was made, on fake activities; the recordings of every
 * sandbox scenario, the poller and the router are made by the worker's ScenarioHistoryRecorder (README, "Recorded
 * histories"). Records the history that {@link ReleasedHistoriesReplayTest} replays for the recovery-proof release: a token mismatch
 * whose Entra job stays quarantined after the fix, restarted by the run, with story comments and a proven recovery.
 * Skipped in normal builds; run it to (re-)record, from the repository root:
 *
 * <pre>
 * mvn -B -o -pl api,workflows -am verify -Dtest=HistoryRecorder -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DrecordHistory=$PWD/workflows/src/test/resources/histories/v2-recovery-proof-quarantine-restart.json
 * </pre>
 */
class HistoryRecorder {

  @Test
  @EnabledIfSystemProperty(named = "recordHistory", matches = ".+")
  void recordQuarantineRestartRecoveryProof() throws Exception {
    try (PlaybookTestEnvironment t = new PlaybookTestEnvironment()) {
      t.fake.validToken = "recorded-run-token";
      t.fake.quarantined = true;
      t.fake.provisionResults.add(FakeActivities.succeeded());
      t.start();
      String taskId = t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
          "an approval task").pendingTask().id();
      t.running().approveRotation(
          new RotationApproval(taskId, "alice", t.fake.seal.seal("recorded-run-token"), "recording"));
      var report = t.result();
      assertThat(report.outcome()).isEqualTo(Outcome.RESOLVED);
      assertThat(report.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
      assertThat(t.fake.restarts).hasValue(1);
      String json = t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID).toJson(true);
      assertThat(json).doesNotContain("recorded-run-token");
      Files.writeString(Path.of(System.getProperty("recordHistory")), json, StandardCharsets.UTF_8);
    }
  }

  /**
   * The notify-v1 release: a rotation task notified, rejected, and the escalation notified before the run completes.
   *
   * <pre>
   * mvn -B -o -pl api,workflows -am verify -Dtest=HistoryRecorder -Dsurefire.failIfNoSpecifiedTests=false \
   *     -DrecordNotifyHistory=$PWD/workflows/src/test/resources/histories/v3-notified-rotation-rejected-escalation.json
   * </pre>
   */
  @Test
  @EnabledIfSystemProperty(named = "recordNotifyHistory", matches = ".+")
  void recordNotifiedRejectionAndEscalation() throws Exception {
    try (PlaybookTestEnvironment t = new PlaybookTestEnvironment()) {
      t.start();
      String taskId = t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
          "an approval task").pendingTask().id();
      t.running().rejectRotation(new RotationRejection(taskId, "bob", "change freeze"));
      var report = t.result();
      assertThat(report.outcome()).isEqualTo(Outcome.ESCALATED);
      assertThat(t.fake.notifications).hasSize(2);
      String json = t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID).toJson(true);
      assertThat(t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID).getEvents())
          .filteredOn(e -> e.hasMarkerRecordedEventAttributes()).isNotEmpty();
      Files.writeString(Path.of(System.getProperty("recordNotifyHistory")), json, StandardCharsets.UTF_8);
    }
  }
}
