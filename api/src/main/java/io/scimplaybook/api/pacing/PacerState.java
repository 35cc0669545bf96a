package io.scimplaybook.api.pacing;

/**
 * A limiter's whole state: what a query shows and what a continue-as-new carries, so the spacing and a pause survive it.
 *
 * @param nextMillis the GCRA theoretical arrival time: the slot after the burst is spent (epoch ms)
 * @param pausedUntilMillis no slot before this (epoch ms); 0 when never paused
 * @param pauses pauses recorded since the limiter first started
 * @param granted slots granted since the limiter first started
 * @param lastPauseReason what the last pause was for, or null
 */
public record PacerState(long nextMillis, long pausedUntilMillis, long pauses, long granted, String lastPauseReason) {
  public static final PacerState EMPTY = new PacerState(0, 0, 0, 0, null);
}
