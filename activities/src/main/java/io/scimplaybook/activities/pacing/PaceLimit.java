package io.scimplaybook.activities.pacing;

import io.scimplaybook.api.pacing.PaceLimits;
import io.scimplaybook.api.pacing.PaceRequest;
import java.time.Duration;

/**
 * A documented vendor limit: {@code requests} per {@code per}, of which {@code burst} may go at once after a quiet
 * spell.
 * A period with no Retry-After to go by is also how long a rate-limit answer pauses the key: the vendor's window.
 */
public record PaceLimit(int requests, Duration per, int burst) {
  public PaceLimit {
    // Validated by building the spacing once, so a bad setting fails the worker at startup, not a call.
    PaceLimits.request(requests, per, burst, Duration.ZERO);
  }

  /** The spacing that keeps every window of {@link #per} within {@link #requests} at the vendor's door. */
  public PaceRequest spacing(Duration margin) {
    return PaceLimits.request(requests, per, burst, margin);
  }

  @Override
  public String toString() {
    return requests + " per " + per + (burst > 1 ? " (burst " + burst + ")" : "");
  }
}
