package io.scimplaybook.starter.poller;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.input.PollerOptions;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Events-feed pollers the starter starts at boot (an already running one is left alone), and the settings they start
 * with.
 */
@ConfigurationProperties("scim-playbook.poller")
public record PollerProperties(
    @DefaultValue List<String> accounts,
    @DefaultValue("PT30S") Duration interval,
    @DefaultValue("PT1S") Duration minSpacing,
    @DefaultValue("PT5S") Duration backoffBase,
    @DefaultValue("PT5M") Duration backoffMax,
    @DefaultValue("200") int pollsBeforeContinueAsNew) {

  public PollerProperties {
    // A bad account id is a typo in the configuration: refuse to start rather than log it and poll nothing.
    for (String account : accounts) {
      if (!PlaybookIds.isValidId(account)) {
        throw new IllegalArgumentException("scim-playbook.poller.accounts: '" + account
            + "' is not an account id (1-64 letters, digits, '_' or '.')");
      }
    }
    String problem = new PollerOptions(interval, minSpacing, backoffBase, backoffMax, pollsBeforeContinueAsNew).problem();
    if (problem != null) {
      throw new IllegalArgumentException("scim-playbook.poller: " + problem);
    }
  }

  public PollerOptions toOptions() {
    return new PollerOptions(interval, minSpacing, backoffBase, backoffMax, pollsBeforeContinueAsNew);
  }
}
