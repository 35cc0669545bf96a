package io.scimplaybook.activities.onelogin;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.entra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitWaitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));

  @Test
  void retryAfterWinsOverTheResetHeader() {
    assertThat(RateLimitWait.parse("2.5", "832", clock)).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void theResetHeaderIsSecondsUntilTheResetOrAnEpochTime() {
    assertThat(RateLimitWait.parse(null, "832", clock)).isEqualTo(Duration.ofSeconds(832));
    assertThat(RateLimitWait.parse(" ", " 60 ", clock)).isEqualTo(Duration.ofSeconds(60));
    long past = clock.instant().minusSeconds(5).getEpochSecond();
    assertThat(RateLimitWait.parse(null, String.valueOf(past), clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anythingUnreadableLeavesItToTheBackoff() {
    assertThat(RateLimitWait.parse(null, null, clock)).isNull();
    assertThat(RateLimitWait.parse("soon", "later", clock)).isNull();
    assertThat(RateLimitWait.parse(null, "-3", clock)).isNull();
  }
}
