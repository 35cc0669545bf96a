package io.scimplaybook.worker;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.PlaybookStatus;
import java.time.Duration;
import java.util.function.Predicate;

/** Waiting on a run's status query in the end-to-end tests: the run moves on the test server's (skipped) time. */
final class RunWaits {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private RunWaits() {}

  /** The first status that shows {@code wanted}; fails naming {@code what} if the run ends or time runs out first. */
  static PlaybookStatus awaitStatus(ScimPlaybookWorkflow run, Predicate<PlaybookStatus> wanted, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    PlaybookStatus last = null;
    while (System.nanoTime() < deadline) {
      last = run.status();
      if (wanted.test(last)) {
        return last;
      }
      if (last.outcome() != null) {
        break;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the run never reached " + what + "; last status " + last);
  }

  static PlaybookStatus awaitTask(ScimPlaybookWorkflow run, TaskKind kind) {
    return awaitStatus(run, s -> s.pendingTask() != null && s.pendingTask().kind() == kind, "an open " + kind + " task");
  }

  static PlaybookStatus awaitApprovalTask(ScimPlaybookWorkflow run) {
    return awaitTask(run, TaskKind.APPROVE_ROTATION);
  }
}
