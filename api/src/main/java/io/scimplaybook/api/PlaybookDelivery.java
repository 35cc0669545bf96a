package io.scimplaybook.api;

import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.RouterInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;

/**
 * The one way a failure event reaches its playbook run, for the webhook and the events-feed poller alike:
 * signal-with-start with {@link PlaybookStartOptions}, so the first event starts the run of its (account, source) and
 * every later one is a signal to it. Client-side code: never called from a workflow.
 *
 * <p>An event that names no source (Cato does not promise {@code resource_id} on SCIM events) cannot pick its run
 * here: the sources are configured in the worker only. It goes by the same signal-with-start to its account's {@link
 * EventRouterWorkflow}, which has the worker attribute it and deliver it back through this class, source id set.
 */
public final class PlaybookDelivery {

  /**
   * @param runId the run that holds the event; empty when the server did not name it
   * @param afterConcurrentStart true when another event won the start and this one was signalled to that run
   */
  public record Delivered(String workflowId, String runId, boolean afterConcurrentStart) {}

  private PlaybookDelivery() {}

  /**
   * Delivers {@code event} or throws: the caller refuses the event (the webhook answers an error, the poller's
   * activity is retried), so an event is never dropped. A run that closed between a lost start and the fallback
   * signal surfaces as {@link io.temporal.client.WorkflowNotFoundException}.
   */
  public static Delivered deliver(WorkflowClient client, ScimFailureEvent event, PlaybookOptions options) {
    if (event.sourceId() == null) {
      return deliverToRouter(client, event, options);
    }
    String workflowId = PlaybookIds.workflowId(event.accountId(), event.sourceId());
    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, PlaybookStartOptions.forEvent(event));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(run::run, new PlaybookInput(event.accountId(), event.sourceId(), options));
    request.add(run::failureReported, event);
    try {
      WorkflowExecution execution = client.signalWithStart(request);
      return new Delivered(workflowId, execution.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // A real server does signal-with-start atomically; the Java test server does not, so a concurrent first event
      // can win the start and make this call fail without our signal. Deliver it to the run that won.
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).failureReported(event);
      return new Delivered(workflowId, e.getExecution().getRunId(), true);
    }
  }

  /** Same contract as {@link #deliver}, for an event without a source: its account's router holds it. */
  private static Delivered deliverToRouter(WorkflowClient client, ScimFailureEvent event, PlaybookOptions options) {
    String workflowId = PlaybookIds.routerWorkflowId(event.accountId());
    EventRouterWorkflow router =
        client.newWorkflowStub(EventRouterWorkflow.class, PlaybookStartOptions.forRouter(event.accountId()));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(router::run, RouterInput.fresh(event.accountId(), options));
    request.add(router::failureReported, event);
    try {
      WorkflowExecution execution = client.signalWithStart(request);
      return new Delivered(workflowId, execution.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      client.newWorkflowStub(EventRouterWorkflow.class, workflowId).failureReported(event);
      return new Delivered(workflowId, e.getExecution().getRunId(), true);
    }
  }
}
