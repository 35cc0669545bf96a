package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.PlaybookStatus;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A poller's delivery retried after a partial success repeats events; the run counts each event id once. */
class PlaybookRepeatedEventTest {
  private final PlaybookTestEnvironment t = new PlaybookTestEnvironment();

  @AfterEach
  void tearDown() {
    t.close();
  }

  private static ScimFailureEvent feedEvent(String eventId, String reason) {
    return new ScimFailureEvent(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE,
        Instant.parse("2026-11-29T06:00:00Z"), reason, null, ScimFailureEvent.ORIGIN_EVENTS_FEED, eventId);
  }

  @Test
  void aRepeatedEventIdIsCountedOnceWhileEventsWithoutIdAllCount() {
    // Cato's stories and events stay empty: the run waits on nothing we need, the tally is what is checked.
    ScimPlaybookWorkflow run = t.signalWithStart(feedEvent("ev-1", "first"), PlaybookOptions.defaults());
    run.failureReported(feedEvent("ev-1", "repeat of first"));
    run.failureReported(feedEvent("ev-2", "second"));
    run.failureReported(feedEvent("ev-1", "repeat of first again"));
    run.failureReported(PlaybookTestEnvironment.failure("webhook, no id"));
    run.failureReported(PlaybookTestEnvironment.failure("webhook, no id"));
    run.failureReported(feedEvent("ev-3", "last"));

    PlaybookStatus status = t.awaitStatus(s -> "last".equals(s.failures().lastReason()), "the last event");

    assertThat(status.failures().count()).isEqualTo(5);
  }
}
