package io.scimplaybook.starter;

import io.scimplaybook.workflows.messages.PollerOptions;
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
    String problem = toOptions(interval, minSpacing, backoffBase, backoffMax, pollsBeforeContinueAsNew).problem();
    if (problem != null) {
      throw new IllegalArgumentException("scim-playbook.poller: " + problem);
    }
  }

  public PollerOptions toOptions() {
    return toOptions(interval, minSpacing, backoffBase, backoffMax, pollsBeforeContinueAsNew);
  }

  private static PollerOptions toOptions(Duration i, Duration s, Duration b, Duration m, int n) {
    return new PollerOptions(i, s, b, m, n);
  }
}
