package io.scimplaybook.api.findings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * The IdP's provisioning job as the recovery proof needs it (Entra: {@code GET .../synchronization/jobs/{jobId}}).
 *
 * @param code Entra's status.code: NotConfigured, NotRun, Active, Paused or Quarantine
 * @param quarantineReason status.quarantine.reason, or the quarantine error code when the reason is empty
 * @param quarantineSeriesCount how many quarantine periods in a row (status.quarantine.seriesCount)
 * @param lastExecutionState Succeeded, Failed, ... of the last scheduled cycle; null when none ran
 * @param lastExecutionBegan status.lastExecution.timeBegan
 * @param lastExecutionError the last cycle's error code and message, shortened; null when it succeeded
 * @param lastSuccessBegan status.lastSuccessfulExecution.timeBegan
 * @param summary one readable line for the evidence
 */
public record JobStatus(
    String code,
    boolean quarantined,
    String quarantineReason,
    Integer quarantineSeriesCount,
    String lastExecutionState,
    Instant lastExecutionBegan,
    String lastExecutionError,
    Instant lastSuccessBegan,
    String summary) {

  /** A scheduled cycle that began after {@code fixedAt} and succeeded. */
  @JsonIgnore
  public boolean succeededSince(Instant fixedAt) {
    if (lastSuccessBegan != null && lastSuccessBegan.isAfter(fixedAt)) {
      return true;
    }
    return lastExecutionBegan != null && lastExecutionBegan.isAfter(fixedAt)
        && "Succeeded".equalsIgnoreCase(lastExecutionState);
  }

  /** A scheduled cycle that began after {@code fixedAt} and failed, with no success after it. */
  @JsonIgnore
  public boolean failedSince(Instant fixedAt) {
    return lastExecutionBegan != null && lastExecutionBegan.isAfter(fixedAt) && lastExecutionState != null
        && !"Succeeded".equalsIgnoreCase(lastExecutionState) && !succeededSince(fixedAt);
  }
}
