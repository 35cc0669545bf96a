package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
  private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

  @Test
  void lastDurationsEndNow() {
    assertThat(TimeWindow.parseTimeFrame("last.PT2H", NOW))
        .contains(new TimeWindow(Instant.parse("2026-03-15T10:00:00Z"), NOW));
    assertThat(TimeWindow.parseTimeFrame("last.P14D", NOW))
        .contains(new TimeWindow(Instant.parse("2026-03-01T12:00:00Z"), NOW));
    assertThat(TimeWindow.parseTimeFrame("last.P1M", NOW))
        .contains(new TimeWindow(Instant.parse("2026-02-15T12:00:00Z"), NOW));
  }

  @Test
  void utcRangesMayOpenTheBracesAnywhere() {
    assertThat(TimeWindow.parseTimeFrame("utc.2020-02-11/{04:50:15--16:50:15}", NOW)).contains(new TimeWindow(
        Instant.parse("2020-02-11T04:50:15Z"), Instant.parse("2020-02-11T16:50:15Z")));
    assertThat(TimeWindow.parseTimeFrame("utc.2020-02-{11/04:50:15--12/16:50:15}", NOW)).contains(new TimeWindow(
        Instant.parse("2020-02-11T04:50:15Z"), Instant.parse("2020-02-12T16:50:15Z")));
  }

  @Test
  void anythingElseIsRefused() {
    assertThat(TimeWindow.parseTimeFrame("yesterday", NOW)).isEmpty();
    assertThat(TimeWindow.parseTimeFrame("last.two-hours", NOW)).isEmpty();
    assertThat(TimeWindow.parseTimeFrame("utc.2020-02-11/{16:50:15--04:50:15}", NOW)).isEmpty();
    assertThat(TimeWindow.parseTimeFrame(null, NOW)).isEmpty();
  }
}
