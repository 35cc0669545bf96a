package io.scimplaybook.workflows;

import io.temporal.testing.WorkflowReplayer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Histories recorded from released versions of the workflow must replay on the current code: a change to the
 * command sequence that is not behind Workflow.getVersion fails here with a non-determinism error.
 *
 * <p>v2-recovery-proof-quarantine-restart.json was recorded with {@link HistoryRecorder} (its javadoc has the command):
 * job-restart-v1, recovery-proof-v1 and story-comments-v1 all at version 1. v3-notified-rotation-rejected-escalation.json
 * likewise, with notify-v1 at version 1: the task's notification, the escalation notice and the wait for it.
 */
class ReleasedHistoriesReplayTest {

  @Test
  void v1SuspectRevertedThenTokenRotationThenMonitoringReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("v1-config-change-then-rotation.json"),
        ScimPlaybookWorkflowImpl.class);
  }

  @Test
  void v2QuarantinedJobRestartedThenRecoveryProvenReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("v2-recovery-proof-quarantine-restart.json"),
        ScimPlaybookWorkflowImpl.class);
  }

  @Test
  void v3NotifiedRotationRejectedThenNotifiedEscalationReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history("v3-notified-rotation-rejected-escalation.json"),
        ScimPlaybookWorkflowImpl.class);
  }

  private static String history(String name) throws Exception {
    try (InputStream in = ReleasedHistoriesReplayTest.class.getResourceAsStream("/histories/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
