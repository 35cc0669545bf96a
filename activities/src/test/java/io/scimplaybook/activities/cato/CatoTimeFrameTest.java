package io.scimplaybook.activities.cato;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CatoTimeFrameTest {

  @Test
  void sameDayFactorsTheDateOut() {
    assertThat(CatoTimeFrame.between(Instant.parse("2026-11-29T06:00:00Z"), Instant.parse("2026-11-29T08:00:00Z")))
        .isEqualTo("utc.2026-11-29/{06:00:00--08:00:00}");
  }

  @Test
  void sameMonthFactorsYearAndMonthOut() {
    assertThat(CatoTimeFrame.between(Instant.parse("2020-02-11T04:50:00Z"), Instant.parse("2020-02-21T04:50:00Z")))
        .isEqualTo("utc.2020-02-{11/04:50:00--21/04:50:00}");
  }

  @Test
  void sameYearFactorsTheYearOut() {
    assertThat(CatoTimeFrame.between(Instant.parse("2020-02-11T04:50:00Z"), Instant.parse("2020-04-11T04:50:00Z")))
        .isEqualTo("utc.2020-{02-11/04:50:00--04-11/04:50:00}");
  }

  @Test
  void differentYearsSpellBothDates() {
    assertThat(CatoTimeFrame.between(Instant.parse("2019-10-01T04:50:00Z"), Instant.parse("2020-02-01T04:50:00Z")))
        .isEqualTo("utc.{2019-10-01/04:50:00--2020-02-01/04:50:00}");
  }

  @Test
  void fractionsWidenTheWindowToWholeSeconds() {
    assertThat(CatoTimeFrame.between(
            Instant.parse("2026-11-29T23:59:59.700Z"), Instant.parse("2026-11-29T23:59:59.900Z")))
        .isEqualTo("utc.2026-11-{29/23:59:59--30/00:00:00}");
  }

  @Test
  void lastUsesAnIsoDuration() {
    assertThat(CatoTimeFrame.last(Duration.ofHours(2))).isEqualTo("last.PT2H");
  }

  @Test
  void anInvertedWindowIsRejected() {
    assertThatThrownBy(() -> CatoTimeFrame.between(Instant.parse("2026-11-29T08:00:00Z"),
        Instant.parse("2026-11-29T06:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
  }
}
