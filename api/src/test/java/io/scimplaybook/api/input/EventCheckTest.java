package io.scimplaybook.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules every door applies; the doors' own tests prove each one applies them. */
class EventCheckTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

  private static ScimFailureEvent event(String account, String source, Instant time, String reason, String eventId) {
    return new ScimFailureEvent(account, source, time, reason, "story-1", ScimFailureEvent.ORIGIN_EVENTS_FEED, eventId,
        "Entra SCIM app", "Cato's message\r\nsecond line\twith a tab");
  }

  @Test
  void aDocumentedEventPasses() {
    assertThat(EventCheck.problem(event("12345", "7", NOW, "invalid credentials", "a1b2-c3:d4/e5+f6="), NOW)).isNull();
    assertThat(EventCheck.problem(event("12345", null, null, "r \uD83D\uDE00 paired", null), NOW)).isNull();
  }

  @Test
  void eachBrokenRuleIsNamedAndAllAreReportedTogether() {
    assertThat(EventCheck.problems(event("12 345", "7 8", NOW.plus(Duration.ofDays(2)), " ", "ev 1"), NOW))
        .containsExactly(
            "accountId must be a Cato account id (1-20 digits), got '12 345'",
            "sourceId must be 1-64 letters, digits, '_' or '.', got '7 8'",
            "time 2026-12-03T00:00:00Z is more than a day ahead of 2026-12-01T00:00:00Z",
            "reason must not be blank",
            "eventId must be visible ASCII characters without spaces, got 'ev 1'");
  }

  @Test
  void controlCharactersAndUnpairedSurrogatesAreRefusedWithoutEchoingThem() {
    assertThat(EventCheck.problem(event("1", "7", NOW, "a\u0085b", null), NOW))
        .isEqualTo("reason holds a control character U+0085 at index 1");
    assertThat(EventCheck.problem(event("1", "7", NOW, "/\uD800", null), NOW))
        .isEqualTo("reason holds an unpaired surrogate U+D800 at index 1");
    assertThat(EventCheck.problem(event("1", "7", NOW, "\uDC00x", null), NOW))
        .isEqualTo("reason holds an unpaired surrogate U+DC00 at index 0");
    assertThat(EventCheck.problem(event("1\n2", "7", NOW, "r", null), NOW))
        .isEqualTo("accountId must be a Cato account id (1-20 digits), got '1\\u000A2'");
  }

  @Test
  void lengthsAreBounded() {
    assertThat(EventCheck.problem(event("1".repeat(21), "7", NOW, "r", null), NOW)).contains("1-20 digits");
    assertThat(EventCheck.problem(event("1", "7", NOW, "r".repeat(4097), null), NOW))
        .isEqualTo("reason must be at most 4096 characters, got 4097");
    assertThat(EventCheck.problem(event("1", "7", NOW, "r", "e".repeat(129)), NOW))
        .isEqualTo("eventId must be at most 128 characters, got 129");
  }

  @Test
  void nothingIsAnEventThatSaysSo() {
    assertThat(EventCheck.problem(null, NOW)).isEqualTo("the signal carried no event");
  }
}
