package io.scimplaybook.activities.pacing;

import io.scimplaybook.api.pacing.PaceKey;
import java.time.Duration;

/** Hands out turns under a vendor limit: {@link TemporalPacer} across every worker, {@link LocalPacer} in one JVM. */
public interface Pacer {
  /**
   * Returns when the caller may send one request under {@code key}: at its reserved slot, and not inside a pause.
   * Inside an activity it heartbeats while it waits.
   */
  void awaitTurn(PaceKey key, PaceLimit limit) throws InterruptedException;

  /** The vendor answered "not before {@code wait} from now": every caller of {@code key} waits it out. */
  void pause(PaceKey key, Duration wait, String reason);
}
