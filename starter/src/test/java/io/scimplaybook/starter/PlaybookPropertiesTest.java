package io.scimplaybook.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.api.input.PlaybookOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The claim re-open bound travels from the starter's configuration into every run's input. */
class PlaybookPropertiesTest {

  private static PlaybookProperties withReopens(int reopens) {
    return new PlaybookProperties(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24),
        Duration.ofHours(2), 3, 3, Duration.ofHours(4), true, reopens);
  }

  @Test
  void theConfiguredReOpenBoundReachesTheRunsOptions() {
    assertThat(withReopens(0).toOptions().maxClaimReopens()).isZero();
    assertThat(withReopens(5).toOptions().maxClaimReopens()).isEqualTo(5);
  }

  @Test
  void aNegativeBoundIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> withReopens(-1)).hasMessageContaining("scim-playbook.playbook.max-claim-reopens");
  }

  @Test
  void inputsFromStartersBeforeTheBoundUseTheDefault() {
    assertThat(PlaybookOptions.defaults().maxClaimReopens()).isEqualTo(PlaybookOptions.DEFAULT_CLAIM_REOPENS);
  }
}
