package io.scimplaybook.api.pacing;

import java.time.Duration;

/**
 * Where a limiter starts: fresh, or after continue-as-new with its state.
 *
 * @param grantsBeforeContinueAsNew slots this run grants before it continues as new (each grant is an update in
 *     history)
 * @param idleTimeout how long the limiter waits without a request, once its spacing and pause lie in the past, before
 *     it completes; the next request starts a new one, which needs nothing from the old
 */
public record PacerInput(PacerState state, int grantsBeforeContinueAsNew, Duration idleTimeout) {
  public static final int DEFAULT_GRANTS_BEFORE_CONTINUE_AS_NEW = 2000;
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);

  public static PacerInput fresh() {
    return new PacerInput(PacerState.EMPTY, DEFAULT_GRANTS_BEFORE_CONTINUE_AS_NEW, DEFAULT_IDLE_TIMEOUT);
  }
}
