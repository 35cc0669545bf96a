package io.scimplaybook.starter.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollerPropertiesTest {

  private static PollerProperties withAccounts(List<String> accounts) {
    return new PollerProperties(accounts, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofMinutes(5), 200);
  }

  @Test
  void anAccountIdThatCannotNameARunIsRefusedAndNamed() {
    assertThatThrownBy(() -> withAccounts(List.of("12345", "123 45")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scim-playbook.poller.accounts")
        .hasMessageContaining("'123 45'");
  }

  @Test
  void optionsThatCannotWorkAreRefused() {
    assertThatThrownBy(() -> new PollerProperties(List.of(), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(5), Duration.ofMinutes(5), 200))
        .hasMessageContaining("scim-playbook.poller: poll interval");
  }

  @Test
  void validSettingsBecomeThePollersOptions() {
    assertThat(withAccounts(List.of("12345", "msp.tenant_7")).toOptions().pollInterval()).isEqualTo(Duration.ofSeconds(30));
  }
}
