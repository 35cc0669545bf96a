package io.scimplaybook.testkit;

import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.status.PollerStatus;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/**
 * A stand-in for the events-feed poller, enough to see what the starter's CLI and boot-time list do with it: it keeps
 * its input, takes its progress from {@link PollerProbe#polled} instead of Cato, and ends on stop as the real one does.
 */
public class FakePollerWorkflow implements EventsFeedPollerWorkflow, PollerProbe {

  private PollerInput input;
  private String marker;
  private long polls;
  private long eventsDelivered;
  private Instant lastPollAt;
  private boolean stopRequested;

  @Override
  public void run(PollerInput input) {
    this.input = input;
    marker = input.marker();
    polls = input.polls();
    eventsDelivered = input.eventsDelivered();
    Workflow.await(() -> stopRequested);
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  @Override
  public PollerStatus status() {
    return new PollerStatus(input == null ? null : input.accountId(), marker, polls, eventsDelivered, lastPollAt, null,
        0, null, stopRequested, 0, null);
  }

  @Override
  public PollerInput startedWith() {
    return input;
  }

  @Override
  public void polled(String marker, int pages, int events) {
    this.marker = marker;
    polls += pages;
    eventsDelivered += events;
    lastPollAt = Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
