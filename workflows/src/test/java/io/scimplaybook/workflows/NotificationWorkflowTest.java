package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.notify.NotificationKind;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.TimelineEntry;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** notify-v1: people are told when a task opens and when the run escalates, and the run never waits on them. */
class NotificationWorkflowTest {
  private static final String W = PlaybookTestEnvironment.WORKFLOW_ID;
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

  private OperatorTask awaitRotationTask() {
    return t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
        "a pending rotation task").pendingTask();
  }

  @Test
  void anOpenedTaskIsNotifiedWithTheTaskOwnCommandsWhileItWaits() {
    t.start();
    OperatorTask task = awaitRotationTask();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (fake.notifications.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }

    assertThat(t.running().status().pendingTask()).as("still waiting for the operator").isNotNull();
    assertThat(fake.notifications).hasSize(1);
    Notification n = fake.notifications.get(0);
    assertThat(n.kind()).isEqualTo(NotificationKind.TASK_OPENED);
    assertThat(n.idempotencyKey()).isEqualTo(W + "/" + task.id());
    assertThat(n.workflowId()).isEqualTo(W);
    assertThat(n.accountId()).isEqualTo("12345");
    assertThat(n.sourceId()).isEqualTo("7");
    assertThat(n.idp()).isEqualTo("Entra ID");
    assertThat(n.taskKind()).isEqualTo(TaskKind.APPROVE_ROTATION);
    assertThat(n.title()).isEqualTo(task.title());
    assertThat(n.whatToDo()).isEqualTo(task.instructions());
    // The same words the UI and the CLI's status show: one wording of each command.
    assertThat(n.commands()).isEqualTo(task.commands())
        .contains("./scim-playbook approve --workflow-id " + W + " --approver <you> --token-file <file with the new token>");

    t.running().approveRotation(new RotationApproval(task.id(), "alice", fake.seal.seal("new-token"), null));
    fake.provisionResults.add(FakeActivities.succeeded());
    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(fake.notifications).as("a resolved run sends no escalation notice").hasSize(1);
  }

  @Test
  void anEscalationIsNotifiedWithItsReasonAndDeliveredBeforeTheRunCompletes() {
    // No story comment after the notice is started, so nothing else keeps the run open while it is delivered.
    t.signalWithStart(PlaybookTestEnvironment.failure("invalid credentials"),
        PlaybookOptions.defaults().withStoryComments(false));
    OperatorTask task = awaitRotationTask();
    t.running().rejectRotation(new RotationRejection(task.id(), "bob", "change freeze until Monday"));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    // An activity still scheduled when its run completes is dropped: it arrived, so the run waited for it.
    assertThat(fake.notifications).extracting(Notification::kind)
        .containsExactly(NotificationKind.TASK_OPENED, NotificationKind.ESCALATED);
    Notification n = fake.notifications.get(1);
    assertThat(n.idempotencyKey()).isEqualTo(W + "/escalation");
    assertThat(n.taskId()).isNull();
    assertThat(n.reason()).isEqualTo(r.conclusion()).contains("rejected by bob: change freeze until Monday");
    assertThat(n.whatToDo()).contains(r.bundleLocation());
    assertThat(n.commands()).containsExactly("./scim-playbook report --workflow-id " + W);
    assertThat(t.running().status().timeline()).extracting(TimelineEntry::text)
        .noneMatch(e -> e.contains("notification"));
  }

  @Test
  void aChannelThatStaysDownNeitherHoldsTheTaskNorChangesTheOutcome() {
    fake.notifyError = () -> ApplicationFailure.newFailure("webhook answered HTTP 503", FailureTypes.UNAVAILABLE);
    fake.provisionResults.add(FakeActivities.succeeded());
    t.start();
    OperatorTask task = awaitRotationTask();
    // Answered while the notification is still being retried: the run does not wait for it.
    t.running().approveRotation(new RotationApproval(task.id(), "alice", fake.seal.seal("new-token"), null));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(r.rootCause()).isEqualTo(RootCause.TOKEN_MISMATCH);
    assertThat(fake.notifications).as("retried, within bounds").hasSizeBetween(2, 8);
    assertThat(r.timeline()).extracting(TimelineEntry::text).anyMatch(e -> e.startsWith(
        "Could not deliver the notification about task " + task.id() + " (the run goes on): webhook answered HTTP 503"));
  }

  @Test
  void anEscalationWhoseNoticeFailsStillEndsEscalatedWithItsBundle() {
    fake.notifyError = () -> ApplicationFailure.newNonRetryableFailure("webhook answered HTTP 400",
        FailureTypes.INVALID_REQUEST);
    t.start();
    OperatorTask task = awaitRotationTask();
    t.running().rejectRotation(new RotationRejection(task.id(), "bob", "change freeze"));

    PlaybookReport r = t.result();

    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.bundleLocation()).isEqualTo("/bundles/" + W + ".md");
    assertThat(fake.bundles).hasSize(1);
    assertThat(fake.notifications).as("a refused notice is not retried").hasSize(2);
    List<String> timeline = t.running().status().timeline().stream().map(TimelineEntry::text).toList();
    assertThat(timeline).anyMatch(e -> e.startsWith("Could not deliver the notification about the escalation"));
  }
}
