package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.fleet.FleetSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** scim-playbook.fleet.*: defaults, overrides, and a bad value named by its property at startup. */
class FleetPropertiesTest {

  private static FleetProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("scim-playbook.fleet", FleetProperties.class);
  }

  @Test
  void defaultsAreThoseOfTheSettings() {
    FleetProperties p = bind(Map.of());

    assertThat(p.settings()).isEqualTo(FleetSettings.defaults());
    assertThat(p.linger()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void everySettingCanBeChangedAndTheHoldTurnedOff() {
    FleetSettings s = bind(Map.of("scim-playbook.fleet.threshold", "20", "scim-playbook.fleet.window", "PT5M",
        "scim-playbook.fleet.quiet-period", "PT1H", "scim-playbook.fleet.max-hold", "PT2H",
        "scim-playbook.fleet.hold", "false")).settings();

    assertThat(s.threshold()).isEqualTo(20);
    assertThat(s.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.quietPeriod()).isEqualTo(Duration.ofHours(1));
    assertThat(s.maxHold()).isEqualTo(Duration.ofHours(2));
    assertThat(s.holds()).isFalse();
    assertThat(s.enabled()).isTrue();
    assertThat(bind(Map.of("scim-playbook.fleet.enabled", "false")).settings().holds()).isFalse();
  }

  @Test
  void aBadValueNamesItsProperty() {
    FleetProperties p = bind(Map.of("scim-playbook.fleet.threshold", "1"));

    org.assertj.core.api.Assertions.assertThatThrownBy(p::settings)
        .hasMessage("scim-playbook.fleet threshold must be at least 2 sources, got 1");
  }
}
