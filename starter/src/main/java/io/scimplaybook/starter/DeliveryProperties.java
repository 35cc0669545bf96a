package io.scimplaybook.starter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the webhook coalesces events for one run ({@link io.scimplaybook.api.CoalescingDelivery}; README, "Floods").
 *
 * @param maxQueued events waiting for Temporal, all runs together, before a new one is answered 429
 * @param maxQueuedPerRun the same for one run: one flooded (account, source) cannot take every place
 * @param minSpacing the least time between two signals to one run; events arriving meanwhile go in the next one
 * @param retryAfter what a 429 tells the sender to wait before sending again
 */
@ConfigurationProperties("scim-playbook.delivery")
public record DeliveryProperties(
    @DefaultValue("10000") int maxQueued,
    @DefaultValue("2000") int maxQueuedPerRun,
    @DefaultValue("PT0.1S") Duration minSpacing,
    @DefaultValue("PT1S") Duration retryAfter) {

  public DeliveryProperties {
    if (maxQueued < 1 || maxQueuedPerRun < 1) {
      throw new IllegalArgumentException(
          "scim-playbook.delivery.max-queued and max-queued-per-run must be at least 1");
    }
    if (minSpacing == null || minSpacing.isNegative() || minSpacing.compareTo(Duration.ofSeconds(5)) > 0) {
      throw new IllegalArgumentException("scim-playbook.delivery.min-spacing must be between 0 and PT5S, got "
          + minSpacing);
    }
    if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("scim-playbook.delivery.retry-after must be positive, got " + retryAfter);
    }
  }

  public static DeliveryProperties defaults() {
    return new DeliveryProperties(10_000, 2_000, Duration.ofMillis(100), Duration.ofSeconds(1));
  }
}
