package io.scimplaybook.testkit;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;

/** Test-only query on the fake playbook: what the starter and the CLI actually delivered. */
@WorkflowInterface
public interface ReceivedSignals {
  @QueryMethod
  public SignalLog received();
}
