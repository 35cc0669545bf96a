package io.scimplaybook.api.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReasonKeyTest {

  @Test
  void theSameFailureAtDifferentSourcesHasOneKey() {
    String a = ReasonKey.of("SCIM provisioning failed: HTTP 503 Service Unavailable (request 8f3a2b1c-1111-2222-3333-"
        + "444455556666) at 2026-11-29T06:00:01Z for user 'alice@contoso.com'");
    String b = ReasonKey.of("scim provisioning failed: http 503 service unavailable (request 0d9e8f7a-aaaa-bbbb-cccc-"
        + "ddddeeeeffff) at 2026-11-29 06:04:59+01:00 for user \"bob@fabrikam.com\"");

    assertThat(a).isEqualTo(b).isEqualTo("scim provisioning failed http service unavailable request at for user");
  }

  @Test
  void differentWordsAreDifferentKeys() {
    assertThat(ReasonKey.of("Invalid credentials")).isNotEqualTo(ReasonKey.of("Service unavailable"));
  }

  @Test
  void idsWithDigitsAndNumbersAreStripped() {
    assertThat(ReasonKey.of("Job scim.8f3a2b.1c failed 3 times, tenant 72f988bf")).isEqualTo("job failed times tenant");
  }

  @Test
  void noReasonIsAKeyOfItsOwn() {
    assertThat(ReasonKey.of(null)).isEqualTo(ReasonKey.of("  ")).isEqualTo("(no reason given)");
    assertThat(ReasonKey.of("503")).isEqualTo("(no words in the reason)");
  }

  @Test
  void settingsRefuseValuesThatWouldNeverOrAlwaysDeclare() {
    assertThatThrownBy(() -> new FleetSettings(true, 1, Duration.ofMinutes(15), Duration.ofMinutes(45),
        Duration.ofHours(4), true, 2_000)).hasMessageContaining("threshold must be at least 2");
    assertThatThrownBy(() -> new FleetSettings(true, 5, Duration.ZERO, Duration.ofMinutes(45),
        Duration.ofHours(4), true, 2_000)).hasMessageContaining("window must be a positive duration");
  }

  @Test
  void aRefusedTokenIsToldApartFromAnOutage() {
    assertThat(ReasonKey.namesRefusedToken(ReasonKey.of("Invalid credentials: the bearer token was rejected (401)")))
        .isTrue();
    assertThat(ReasonKey.namesRefusedToken(ReasonKey.of("HTTP 401 Unauthorized from scimservice"))).isTrue();
    assertThat(ReasonKey.namesRefusedToken(ReasonKey.of("HTTP 503 Service Unavailable from scimservice"))).isFalse();
    assertThat(ReasonKey.namesRefusedToken(ReasonKey.of("SCIM request failed with HTTP 500 Internal Server Error")))
        .isFalse();
  }
}
