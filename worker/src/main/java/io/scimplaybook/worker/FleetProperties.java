package io.scimplaybook.worker;

import io.scimplaybook.api.fleet.FleetSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fleet correlation (README, "Provider incidents"): when one failure reason hits {@code threshold} sources within
 * {@code window}, across accounts or inside one IdP tenant, runs hold before asking people until it has been quiet for
 * {@code quiet-period}, at most {@code max-hold}. {@code enabled=false} turns correlation off; {@code hold=false} keeps
 * declaring incidents (for {@code ./scim-playbook fleet}) but lets runs ask people as before.
 *
 * @param linger how long the first sighting of a round waits for others on this worker, so a storm is a few signals
 */
@ConfigurationProperties("scim-playbook.fleet")
public record FleetProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("" + FleetSettings.DEFAULT_THRESHOLD) int threshold,
    @DefaultValue("PT15M") Duration window,
    @DefaultValue("PT45M") Duration quietPeriod,
    @DefaultValue("PT4H") Duration maxHold,
    @DefaultValue("true") boolean hold,
    @DefaultValue("" + FleetSettings.DEFAULT_HISTORY_LIMIT) int historyLimit,
    @DefaultValue("PT0.2S") Duration linger) {

  /** Checked at startup: a bad value names its property instead of failing the first run that reports. */
  public FleetSettings settings() {
    try {
      return new FleetSettings(enabled, threshold, window, quietPeriod, maxHold, hold, historyLimit);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scim-playbook." + e.getMessage(), e);
    }
  }
}
