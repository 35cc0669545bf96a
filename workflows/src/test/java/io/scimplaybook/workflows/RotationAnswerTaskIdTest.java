package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.StepResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approvals and rejections name the rotation task they answer, so an answer meant for one attempt moves no other. */
class RotationAnswerTaskIdTest {
  private PlaybookTestEnvironment t;
  private FakeActivities fake;

  @BeforeEach
  void setUp() {
    t = new PlaybookTestEnvironment();
    fake = t.fake;
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  private String awaitRotationTask(String titlePart) {
    PlaybookStatus s = t.awaitStatus(s2 -> s2.pendingTask() != null
        && s2.pendingTask().kind() == TaskKind.APPROVE_ROTATION && s2.pendingTask().title().contains(titlePart),
        "a rotation task titled '" + titlePart + "'");
    return s.pendingTask().id();
  }

  private RotationApproval approval(String taskId, String approver, String token) {
    return new RotationApproval(taskId, approver, fake.seal.seal(token), null);
  }

  @Test
  void anApprovalNamingThePendingTaskIsAccepted() {
    fake.validToken = "good";
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    String taskId = awaitRotationTask("rotation");

    t.running().approveRotation(approval(taskId, "alice", "good"));
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(r.timeline()).anyMatch(e -> e.text().equals("Token rotation approved by alice"));
    assertThat(fake.savedTokens).containsExactly("good");
  }

  @Test
  void aLateApprovalMeantForAttemptOneIsNotTakenAsAttemptTwos() {
    fake.validToken = "good";
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    String first = awaitRotationTask("rotation");
    t.running().approveRotation(approval(first, "alice", "stale"));
    String second = awaitRotationTask("attempt 2");
    assertThat(second).isNotEqualTo(first);

    // A second operator answered attempt 1 too, and the signal lands while attempt 2 waits.
    t.running().approveRotation(approval(first, "bob", "good"));
    PlaybookStatus after = t.awaitStatus(
        s -> s.timeline().stream().anyMatch(e -> e.text().startsWith("Ignored an approval from bob")), "bob refused");
    assertThat(after.pendingTask()).as("attempt 2 still waits").isNotNull();
    assertThat(after.pendingTask().id()).isEqualTo(second);
    assertThat(after.timeline()).anyMatch(e -> e.text().equals(
        "Ignored an approval from bob for task " + first + ": the pending task is " + second));
    assertThat(fake.savedTokens).isEmpty();

    t.running().approveRotation(approval(second, "carol", "good"));
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    List<StepRecord> rotations = r.steps().stream().filter(s -> s.step() == Step.TOKEN_ROTATION).toList();
    assertThat(rotations).extracting(StepRecord::result).containsExactly(StepResult.FAILED, StepResult.PASSED);
    assertThat(rotations.get(1).evidence()).contains("Approved by carol");
    assertThat(r.timeline()).noneMatch(e -> e.text().equals("Token rotation approved by bob"));
  }

  @Test
  void aRejectionForAnotherTaskIsRefusedAndTheRightOneEndsTheRun() {
    t.start();
    String taskId = awaitRotationTask("rotation");

    t.running().rejectRotation(new RotationRejection("t0", "mallory", "not yours to reject"));
    t.awaitStatus(s -> s.timeline().stream().anyMatch(e -> e.text().startsWith("Ignored a rejection from mallory")),
        "mallory refused");
    t.running().rejectRotation(new RotationRejection(taskId, "bob", "change freeze"));
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.conclusion()).contains("rejected by bob: change freeze").doesNotContain("mallory");
  }

  @Test
  void anApprovalWithoutATaskIdFromAnOlderClientAnswersThePendingRotation() {
    fake.validToken = "good";
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    awaitRotationTask("rotation");

    t.running().approveRotation(approval(null, "alice", "good"));
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
  }
}
