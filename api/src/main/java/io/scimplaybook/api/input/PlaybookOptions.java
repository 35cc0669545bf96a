package io.scimplaybook.api.input;

import java.time.Duration;

/**
 * Every duration and bound of the playbook. Production defaults follow the manual playbook; they travel in the
 * workflow input so that a run keeps the settings it started with.
 */
public record PlaybookOptions(
    Duration monitoringWindow,
    Duration approvalTimeout,
    Duration reminderInterval,
    Duration auditWindow,
    Duration verificationLookback,
    int maxCycles,
    int maxTokenAttempts) {

  public static PlaybookOptions defaults() {
    return new PlaybookOptions(
        Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(2), 3, 3);
  }

  public PlaybookOptions withMonitoringWindow(Duration window) {
    return new PlaybookOptions(
        window, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles, maxTokenAttempts);
  }
}
