package io.scimplaybook.testkit;

import io.scimplaybook.api.input.PollerInput;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;

/** Test-only handles on the fake poller: what it was started with, and a way to make it look as if it had polled. */
@WorkflowInterface
public interface PollerProbe {

  @QueryMethod
  public PollerInput startedWith();

  /** As if the poller had fetched {@code pages} pages up to {@code marker} and delivered {@code events} events. */
  @SignalMethod
  public void polled(String marker, int pages, int events);
}
