package io.scimplaybook.starter;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param temporalTimeout how long one event may wait for Temporal before the sender gets a 503; the SDK's own
 *     default would retry an unreachable server for a minute, longer than a webhook sender waits
 * @param maxBody bodies above this are refused with 413 before they are parsed
 */
@ConfigurationProperties("scim-playbook.webhook")
public record WebhookProperties(@DefaultValue("PT10S") Duration temporalTimeout, @DefaultValue("64KB") DataSize maxBody) {

  public WebhookProperties {
    if (temporalTimeout.isZero() || temporalTimeout.isNegative()) {
      throw new IllegalArgumentException("scim-playbook.webhook.temporal-timeout must be positive");
    }
    if (maxBody.toBytes() < 1 || maxBody.toBytes() > DataSize.ofMegabytes(16).toBytes()) {
      throw new IllegalArgumentException("scim-playbook.webhook.max-body must be between 1B and 16MB");
    }
  }
}
