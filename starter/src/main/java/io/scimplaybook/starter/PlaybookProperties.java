package io.scimplaybook.starter;

import io.scimplaybook.api.input.PlaybookOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings every run started here carries in its input (a run keeps the settings it started with). Defaults are
 * the manual playbook's.
 */
@ConfigurationProperties("scim-playbook.playbook")
public record PlaybookProperties(
    @DefaultValue("PT1H") Duration monitoringWindow,
    @DefaultValue("PT24H") Duration approvalTimeout,
    @DefaultValue("PT1H") Duration reminderInterval,
    @DefaultValue("PT24H") Duration auditWindow,
    @DefaultValue("PT2H") Duration verificationLookback,
    @DefaultValue("3") int maxCycles,
    @DefaultValue("3") int maxTokenAttempts,
    @DefaultValue("PT4H") Duration recoveryProofTimeout,
    @DefaultValue("true") boolean storyComments,
    @DefaultValue("2") int maxClaimReopens) {

  public PlaybookProperties {
    requirePositive("monitoring-window", monitoringWindow);
    requirePositive("approval-timeout", approvalTimeout);
    requirePositive("reminder-interval", reminderInterval);
    requirePositive("audit-window", auditWindow);
    requirePositive("verification-lookback", verificationLookback);
    requirePositive("recovery-proof-timeout", recoveryProofTimeout);
    if (maxCycles < 1 || maxTokenAttempts < 1) {
      throw new IllegalArgumentException("scim-playbook.playbook.max-cycles and max-token-attempts must be at least 1");
    }
    if (maxClaimReopens < 0) {
      throw new IllegalArgumentException("scim-playbook.playbook.max-claim-reopens must be 0 or more, got "
          + maxClaimReopens);
    }
  }

  public PlaybookOptions toOptions() {
    return new PlaybookOptions(
        monitoringWindow, approvalTimeout, reminderInterval, auditWindow, verificationLookback, maxCycles,
        maxTokenAttempts, recoveryProofTimeout, storyComments, null).withClaimReopens(maxClaimReopens);
  }

  // A zero window would make a run resolve or time out at once, which is never what a deployment means.
  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("scim-playbook.playbook." + name + " must be a positive duration, got " + value);
    }
  }
}
