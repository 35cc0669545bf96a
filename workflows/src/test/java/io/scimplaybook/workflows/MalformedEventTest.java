package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
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
}
