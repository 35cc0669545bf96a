package io.scimplaybook.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private final Clock clock = Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsWholeAndFractionalSecondsRoundingUpToTheMillisecond() {
    assertThat(RetryAfter.parse("10", clock)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetryAfter.parse(" 2.128 ", clock)).isEqualTo(Duration.ofMillis(2128));
    assertThat(RetryAfter.parse("0.0001", clock)).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void readsAnHttpDateRelativeToTheClock() {
    assertThat(RetryAfter.parse("Thu, 01 May 2025 10:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Thu, 01 May 2025 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anAbsentOrUnreadableHeaderLeavesTheDelayToTemporal() {
    assertThat(RetryAfter.parse(null, clock)).isNull();
    assertThat(RetryAfter.parse("", clock)).isNull();
    assertThat(RetryAfter.parse("soon", clock)).isNull();
    assertThat(RetryAfter.parse("-5", clock)).isNull();
  }
}
