package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.EventCheck;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events signalled straight to a run, past every door: a time no sender means once made each workflow task of the run
 * fail (DateTimeException at the verify step), so the run stayed at AWAITING_EVENT and swallowed every valid event
 * after it. The run notes such an event as ignored, with why, and goes on.
 */
class MalformedEventTest {
  private final PlaybookTestEnvironment t = new PlaybookTestEnvironment();

  @AfterEach
  void tearDown() {
    t.close();
  }

  private static ScimFailureEvent at(Instant time, String reason) {
    return new ScimFailureEvent(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE, time, reason, null,
        ScimFailureEvent.ORIGIN_WEBHOOK);
  }

  @Test
  void eventsWithImpossibleTimesAreIgnoredAndALaterValidEventRunsThePlaybookToItsOutcome() {
    t.fake.provisionResults.set(0, FakeActivities.succeeded());
    Instant now = Instant.ofEpochMilli(t.env.currentTimeMillis());
    ScimPlaybookWorkflow run =
        t.signalWithStart(at(Instant.parse("-1000000000-01-01T00:00:00Z"), "poison"), PlaybookOptions.defaults());
    run.failureReported(at(Instant.MAX, "end of time"));
    run.failureReported(at(now.plus(Duration.ofDays(2)), "two days ahead"));
    run.failureReported(at(now.minus(Duration.ofDays(4000)), "eleven years old"));
    run.failureReported(null);

    PlaybookStatus waiting = t.awaitStatus(
        s -> s.timeline().stream().filter(e -> e.text().startsWith("Ignored a failure event")).count() == 5,
        "five ignored events");
    assertThat(waiting.failures().count()).isZero();
    assertThat(waiting.timeline()).extracting(TimelineEntry::text)
        .anyMatch(e -> e.contains("is more than ten years before"))
        .anyMatch(e -> e.contains("is more than a day ahead of"))
        .anyMatch(e -> e.contains("the signal carried no event"));

    run.failureReported(at(now, "valid"));
    PlaybookReport report = t.result();

    assertThat(report.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.failures().count()).isEqualTo(1);
    assertThat(report.failures().lastReason()).isEqualTo("valid");
  }
  private static ScimFailureEvent event(String account, String source, String reason, String storyId, String eventId,
      String resourceName, String eventMessage) {
    return new ScimFailureEvent(account, source, null, reason, storyId, ScimFailureEvent.ORIGIN_WEBHOOK, eventId,
        resourceName, eventMessage);
  }

  /** Each rule of EventCheck, broken by a hand-sent signal no door checked: noted as ignored, the run goes on. */
  @Test
  void eventsBreakingEachRuleAreIgnoredWithWhyAndTheRunStillCountsALaterValidEvent() {
    t.fake.provisionResults.set(0, FakeActivities.succeeded());
    String a = PlaybookTestEnvironment.ACCOUNT;
    String s = PlaybookTestEnvironment.SOURCE;
    List<ScimFailureEvent> bad = List.of(
        event("acme", s, "r", null, null, null, null),
        event(null, s, "r", null, null, null, null),
        event(a, "7/../8", "r", null, null, null, null),
        event(a, s, null, null, null, null, null),
        event(a, s, "  ", null, null, null, null),
        event(a, s, "x".repeat(EventCheck.MAX_TEXT + 1), null, null, null, null),
        event(a, s, "bad\u0000byte", null, null, null, null),
        event(a, s, "half \uD800 pair", null, null, null, null),
        event(a, s, "r", "story\u001b[2J", null, null, null),
        event(a, s, "r", null, "ev 1", null, null),
        event(a, s, "r", null, "e".repeat(129), null, null),
        event(a, s, "r", null, null, "n".repeat(257), null),
        event(a, s, "r", null, null, null, "tail \uDC00"));
    ScimPlaybookWorkflow run = t.signalWithStart(bad.get(0), PlaybookOptions.defaults());
    bad.stream().skip(1).forEach(run::failureReported);

    PlaybookStatus waiting = t.awaitStatus(
        st -> st.timeline().stream().filter(e -> e.text().startsWith("Ignored a failure event")).count() == bad.size(),
        bad.size() + " ignored events");
    assertThat(waiting.failures().count()).isZero();
    assertThat(waiting.timeline()).extracting(TimelineEntry::text)
        .anyMatch(e -> e.contains("accountId must be a Cato account id (1-20 digits), got 'acme'"))
        .anyMatch(e -> e.contains("accountId is required"))
        .anyMatch(e -> e.contains("sourceId must be 1-64 letters"))
        .anyMatch(e -> e.contains("reason is required"))
        .anyMatch(e -> e.contains("reason must not be blank"))
        .anyMatch(e -> e.contains("reason must be at most 4096 characters, got 4097"))
        .anyMatch(e -> e.contains("reason holds a control character U+0000 at index 3"))
        .anyMatch(e -> e.contains("reason holds an unpaired surrogate U+D800 at index 5"))
        .anyMatch(e -> e.contains("storyId holds a control character U+001B"))
        .anyMatch(e -> e.contains("eventId must be visible ASCII characters without spaces, got 'ev 1'"))
        .anyMatch(e -> e.contains("eventId must be at most 128 characters, got 129"))
        .anyMatch(e -> e.contains("resourceName must be at most 256 characters, got 257"))
        .anyMatch(e -> e.contains("eventMessage holds an unpaired surrogate U+DC00 at index 5"));

    run.failureReported(event(a, s, "valid", null, "ev-1", "Entra SCIM app", "line one\nline two"));
    PlaybookReport report = t.result();

    assertThat(report.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(report.failures().count()).isEqualTo(1);
    assertThat(report.failures().lastReason()).isEqualTo("valid");
  }
}
