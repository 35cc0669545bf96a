package io.scimplaybook.api.input;

import java.time.Duration;

/**
 * Every duration and bound of the playbook. Production defaults follow the manual playbook; they travel in the
 * workflow input so that a run keeps the settings it started with.
 *
 * @param recoveryProofTimeout how long after a fix the run waits for the IdP's first successful scheduled cycle before
 *     it escalates; null (inputs from older starters) means {@link #DEFAULT_RECOVERY_PROOF_TIMEOUT}
 * @param storyComments whether the run comments on the XOps story; null (older starters) means on
 */
public record PlaybookOptions(
    Duration monitoringWindow,
    Duration approvalTimeout,
    Duration reminderInterval,
    Duration auditWindow,
    Duration verificationLookback,
    int maxCycles,
    int maxTokenAttempts,
    Duration recoveryProofTimeout,
    Boolean storyComments) {

  /** Entra runs a healthy job every 40 minutes; a quarantined one far less often, until it is restarted. */
  public static final Duration DEFAULT_RECOVERY_PROOF_TIMEOUT = Duration.ofHours(4);

  public PlaybookOptions(Duration monitoringWindow, Duration approvalTimeout, Duration reminderInterval,
      Duration auditWindow, Duration verificationLookback, int maxCycles, int maxTokenAttempts) {
    this(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, DEFAULT_RECOVERY_PROOF_TIMEOUT, true);
  }

  public static PlaybookOptions defaults() {
    return new PlaybookOptions(
        Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(2), 3, 3);
  }

  public PlaybookOptions withMonitoringWindow(Duration window) {
    return new PlaybookOptions(window, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, recoveryProofTimeout, storyComments);
  }

  public PlaybookOptions withRecoveryProofTimeout(Duration timeout) {
    return new PlaybookOptions(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback,
        maxCycles, maxTokenAttempts, timeout, storyComments);
  }

  public PlaybookOptions withStoryComments(boolean on) {
    return new PlaybookOptions(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback,
        maxCycles, maxTokenAttempts, recoveryProofTimeout, on);
  }

  /** The recovery-proof bound, never shorter than the monitoring window it follows. */
  public Duration recoveryProofBound() {
    Duration bound = recoveryProofTimeout == null ? DEFAULT_RECOVERY_PROOF_TIMEOUT : recoveryProofTimeout;
    return bound.compareTo(monitoringWindow) < 0 ? monitoringWindow : bound;
  }

  public boolean commentOnStory() {
    return storyComments == null || storyComments;
  }
}
