package io.scimplaybook.activities.pacing;

import io.scimplaybook.api.pacing.PaceKey;
import io.scimplaybook.api.pacing.PaceRequest;
import io.scimplaybook.api.pacing.PaceSchedule;
import io.scimplaybook.api.pacing.PacerState;
import io.scimplaybook.api.pacing.PauseRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The same schedule as the limiter workflow, kept in this JVM: what a worker uses with {@code
 * scim-playbook.pacing.enabled=false} (a single worker, or a test), and for one call when the limiter cannot be
 * reached in time. Workers do not see each other's slots here: N workers may together send N times the limit.
 */
public final class LocalPacer implements Pacer {
  private final Map<PaceKey, PacerState> states = new HashMap<>();
  private final Duration margin;
  private final Clock clock;

  public LocalPacer(Duration margin, Clock clock) {
    this.margin = margin;
    this.clock = clock;
  }

  @Override
  public void awaitTurn(PaceKey key, PaceLimit limit) throws InterruptedException {
    PaceWait.until(reserve(key, limit.spacing(margin)), clock);
  }

  /** The slot granted to the caller; kept for callers that already hold a limiter's answer. */
  synchronized long reserve(PaceKey key, PaceRequest request) {
    PacerState state = states.getOrDefault(key, PacerState.EMPTY);
    long now = clock.millis();
    long slot = PaceSchedule.slot(state, request, now);
    states.put(key, PaceSchedule.grant(state, request, now));
    return slot;
  }

  @Override
  public synchronized void pause(PaceKey key, Duration wait, String reason) {
    PacerState state = states.getOrDefault(key, PacerState.EMPTY);
    states.put(key, PaceSchedule.pause(state, new PauseRequest(wait.toMillis(), reason), clock.millis()));
  }

  synchronized long pausedUntil(PaceKey key) {
    return states.getOrDefault(key, PacerState.EMPTY).pausedUntilMillis();
  }
}
