package io.scimplaybook.activities.cato;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CatoTimesTest {
  private static final Instant T = Instant.parse("2026-11-29T06:50:00Z");

  @Test
  void readsEveryShapeCatoUses() {
    assertThat(CatoTimes.parse("2026-11-29T06:50:00Z")).isEqualTo(T);
    assertThat(CatoTimes.parse("2026-11-29T08:50:00+02:00")).isEqualTo(T);
    assertThat(CatoTimes.parse("2026-11-29 06:50:00")).isEqualTo(T);
    assertThat(CatoTimes.parse(String.valueOf(T.getEpochSecond()))).isEqualTo(T);
    assertThat(CatoTimes.parse(JsonNodeFactory.instance.numberNode(T.toEpochMilli()))).isEqualTo(T);
    assertThat(CatoTimes.parse(JsonNodeFactory.instance.numberNode(T.getEpochSecond()))).isEqualTo(T);
  }

  @Test
  void unknownShapesAreNull() {
    assertThat(CatoTimes.parse("yesterday")).isNull();
    assertThat(CatoTimes.parse("")).isNull();
    assertThat(CatoTimes.parse(JsonNodeFactory.instance.nullNode())).isNull();
  }
}
