package io.scimplaybook.api.pacing;

/**
 * The generic cell rate algorithm, as a pure function of a state and a clock reading, so the limiter workflow and the
 * worker's local fallback space calls the same way. A slot is granted at the later of now, the pause's end and the
 * theoretical arrival time less the burst allowance; the theoretical arrival time then moves one interval on.
 *
 * <p>Any n consecutive slots span at least (n - burst) intervals, so a window of length W holds fewer than
 * burst + W / interval slots: {@link PaceLimits} picks the interval from that bound.
 */
public final class PaceSchedule {
  private PaceSchedule() {}

  /** The state after granting one slot at {@link #slot}. */
  public static PacerState grant(PacerState state, PaceRequest request, long nowMillis) {
    long slot = slot(state, request, nowMillis);
    long next = Math.max(state.nextMillis(), slot) + request.intervalMillis();
    return new PacerState(next, state.pausedUntilMillis(), state.pauses(), state.granted() + 1,
        state.lastPauseReason());
  }

  /** When the next caller may go. */
  public static long slot(PacerState state, PaceRequest request, long nowMillis) {
    long allowance = (request.burst() - 1L) * request.intervalMillis();
    return Math.max(Math.max(nowMillis, state.pausedUntilMillis()), state.nextMillis() - allowance);
  }

  /** A pause never shortens an earlier, longer one (two 429s in a row: the later end counts). */
  public static PacerState pause(PacerState state, PauseRequest request, long nowMillis) {
    long until = nowMillis + Math.max(0, request.waitMillis());
    return new PacerState(state.nextMillis(), Math.max(state.pausedUntilMillis(), until),
        state.pauses() + 1, state.granted(), request.reason());
  }

  /** Nothing of the state matters any more once both its times lie in the past: a fresh limiter spaces the same. */
  public static boolean settled(PacerState state, long nowMillis) {
    return state.nextMillis() <= nowMillis && state.pausedUntilMillis() <= nowMillis;
  }
}
