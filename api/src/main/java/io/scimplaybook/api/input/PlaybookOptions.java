package io.scimplaybook.api.input;

import java.time.Duration;

/**
 * Every duration and bound of the playbook. Production defaults follow the manual playbook; they travel in the
 * workflow input so that a run keeps the settings it started with.
 *
 * @param recoveryProofTimeout how long after a fix the run waits for the IdP's first successful scheduled cycle before
 *     it escalates; null (inputs from older starters) means {@link #DEFAULT_RECOVERY_PROOF_TIMEOUT}
 * @param storyComments whether the run comments on the XOps story; null (older starters) means on
 * @param historyLimit history events after which a run waiting at a resumable point continues as new (a real server
 *     warns at 10,240 and terminates at 51,200); null or below 100 (older starters) means {@link
 *     #DEFAULT_HISTORY_LIMIT}
 * @param claimReopens how often a manual task whose "done" the evidence contradicts is opened again before the step
 *     fails with that evidence; null (older starters) means {@link #DEFAULT_CLAIM_REOPENS}
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
    Boolean storyComments,
    Integer historyLimit,
    Integer claimReopens) {

  /** Entra runs a healthy job every 40 minutes; a quarantined one far less often, until it is restarted. */
  public static final Duration DEFAULT_RECOVERY_PROOF_TIMEOUT = Duration.ofHours(4);

  /** Well under the server's warning (10,240) and near where a real server starts to suggest continue-as-new. */
  public static final int DEFAULT_HISTORY_LIMIT = 4_000;

  /** Twice: a slip (wrong app, token pasted in the wrong field) is fixed at the second try; a third means it is not. */
  public static final int DEFAULT_CLAIM_REOPENS = 2;

  /** As released before the claim re-open bound: the default bound applies. */
  public PlaybookOptions(Duration monitoringWindow, Duration approvalTimeout, Duration reminderInterval,
      Duration auditWindow, Duration verificationLookback, int maxCycles, int maxTokenAttempts,
      Duration recoveryProofTimeout, Boolean storyComments, Integer historyLimit) {
    this(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, recoveryProofTimeout, storyComments, historyLimit, null);
  }

  /** As released before the history limit: the default limit applies. */
  public PlaybookOptions(Duration monitoringWindow, Duration approvalTimeout, Duration reminderInterval,
      Duration auditWindow, Duration verificationLookback, int maxCycles, int maxTokenAttempts,
      Duration recoveryProofTimeout, Boolean storyComments) {
    this(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, recoveryProofTimeout, storyComments, null);
  }

  public PlaybookOptions(Duration monitoringWindow, Duration approvalTimeout, Duration reminderInterval,
      Duration auditWindow, Duration verificationLookback, int maxCycles, int maxTokenAttempts) {
    this(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, DEFAULT_RECOVERY_PROOF_TIMEOUT, true);
  }

  public static PlaybookOptions defaults() {
    return new PlaybookOptions(
        Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(2), 3, 3)
        .withClaimReopens(DEFAULT_CLAIM_REOPENS);
  }

  public PlaybookOptions withMonitoringWindow(Duration window) {
    return new PlaybookOptions(window, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, recoveryProofTimeout, storyComments, historyLimit, claimReopens);
  }

  public PlaybookOptions withRecoveryProofTimeout(Duration timeout) {
    return new PlaybookOptions(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback,
        maxCycles, maxTokenAttempts, timeout, storyComments, historyLimit, claimReopens);
  }

  public PlaybookOptions withStoryComments(boolean on) {
    return new PlaybookOptions(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback,
        maxCycles, maxTokenAttempts, recoveryProofTimeout, on, historyLimit, claimReopens);
  }

  /** The recovery-proof bound, never shorter than the monitoring window it follows. */
  public Duration recoveryProofBound() {
    Duration bound = recoveryProofTimeout == null ? DEFAULT_RECOVERY_PROOF_TIMEOUT : recoveryProofTimeout;
    return bound.compareTo(monitoringWindow) < 0 ? monitoringWindow : bound;
  }

  public PlaybookOptions withHistoryLimit(int events) {
    return new PlaybookOptions(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback,
        maxCycles, maxTokenAttempts, recoveryProofTimeout, storyComments, events, claimReopens);
  }

  /** The history limit in force; a tiny one would make a run continue as new at every signal. */
  public int historyEventsLimit() {
    return historyLimit == null || historyLimit < 100 ? DEFAULT_HISTORY_LIMIT : historyLimit;
  }

  public boolean commentOnStory() {
    return storyComments == null || storyComments;
  }

  public PlaybookOptions withClaimReopens(int reopens) {
    return new PlaybookOptions(monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback,
        maxCycles, maxTokenAttempts, recoveryProofTimeout, storyComments, historyLimit, reopens);
  }

  /** The re-open bound in force; a negative one (a typo) would skip the check's consequence, so it counts as none. */
  public int maxClaimReopens() {
    return claimReopens == null ? DEFAULT_CLAIM_REOPENS : Math.max(0, claimReopens);
  }
}
