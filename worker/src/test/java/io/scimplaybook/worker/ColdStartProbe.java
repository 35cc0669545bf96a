package io.scimplaybook.worker;

import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.workflows.EventRouterWorkflowImpl;
import io.scimplaybook.workflows.EventsFeedPollerWorkflowImpl;
import io.scimplaybook.workflows.ScimPlaybookWorkflowImpl;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;

/**
 * Measures the first workflow task of a fresh worker JVM, with or without {@link WorkflowWarmUp}: not a test (the
 * figure depends on the machine), run by hand as docs/cold-start.md says. Prints one line.
 */
public final class ColdStartProbe {

  public static void main(String[] args) throws Exception {
    boolean warm = args.length > 0 && args[0].equals("warm");
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(PlaybookIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        ScimPlaybookWorkflowImpl.class, EventsFeedPollerWorkflowImpl.class, EventRouterWorkflowImpl.class);
    long warmUpMillis = warm ? new WorkflowWarmUp(env.getWorkerFactory()).warmUp().millis() : 0;
    env.start();

    ScimFailureEvent event = new ScimFailureEvent("12345", "7", Instant.now(), "invalid credentials", null,
        ScimFailureEvent.ORIGIN_WEBHOOK, "probe-1");
    String workflowId = PlaybookDelivery.deliver(env.getWorkflowClient(), event, PlaybookOptions.defaults()).workflowId();
    List<HistoryEvent> events = List.of();
    for (int i = 0; i < 600; i++) {
      WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(workflowId);
      events = history.getEvents();
      if (events.stream().anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) {
        break;
      }
      Thread.sleep(100);
    }
    HistoryEvent started = first(events, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
    HistoryEvent completed = first(events, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    long failed = events.stream().filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED).count();
    System.out.println("cold-start probe: warm-up=" + warm + " (" + warmUpMillis + " ms), first workflow task "
        + (millis(completed) - millis(started)) + " ms from its first start to completion, failed tasks before it: "
        + failed);
    env.close();
    System.exit(0);
  }

  private static HistoryEvent first(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).findFirst().orElseThrow();
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }
}
