package io.scimplaybook.api;

import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.RouterInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowServiceException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

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
    try {
      WorkflowExecution execution = signalWithStart(client, () -> {
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(run::run, new PlaybookInput(event.accountId(), event.sourceId(), options));
        request.add(run::failureReported, event);
        return request;
      });
      return new Delivered(workflowId, execution.getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // A real server does signal-with-start atomically; the Java test server does not, so a concurrent first event
      // can win the start and make this call fail without our signal. Deliver it to the run that won.
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).failureReported(event);
      return new Delivered(workflowId, e.getExecution().getRunId(), true);
    }
  }

  /**
   * Delivers {@code events}, all for the same run (same account, and the same source or all without one), in signals
   * of at most {@link FailureBatch#MAX_EVENTS} events each, or throws: same contract as {@link #deliver}. When it
   * throws, earlier chunks may have arrived; a retry repeats them and the run counts each event id once.
   *
   * @return where the last chunk went
   */
  public static Delivered deliverAll(WorkflowClient client, List<ScimFailureEvent> events, PlaybookOptions options) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no events to deliver");
    }
    ScimFailureEvent first = events.get(0);
    for (ScimFailureEvent e : events) {
      if (!Objects.equals(e.accountId(), first.accountId()) || !Objects.equals(e.sourceId(), first.sourceId())) {
        throw new IllegalArgumentException("a batch goes to one run; got account " + e.accountId() + " source "
            + e.sourceId() + " beside account " + first.accountId() + " source " + first.sourceId());
      }
    }
    Delivered last = null;
    for (int from = 0; from < events.size(); from += FailureBatch.MAX_EVENTS) {
      FailureBatch batch = new FailureBatch(events.subList(from, Math.min(events.size(), from + FailureBatch.MAX_EVENTS)));
      last = first.sourceId() == null ? batchToRouter(client, first, batch, options) : batchToRun(client, first, batch,
          options);
    }
    return last;
  }

  private static Delivered batchToRun(WorkflowClient client, ScimFailureEvent first, FailureBatch batch,
      PlaybookOptions options) {
    String workflowId = PlaybookIds.workflowId(first.accountId(), first.sourceId());
    ScimPlaybookWorkflow run = client.newWorkflowStub(ScimPlaybookWorkflow.class, PlaybookStartOptions.forEvent(first));
    try {
      return new Delivered(workflowId, signalWithStart(client, () -> {
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(run::run, new PlaybookInput(first.accountId(), first.sourceId(), options));
        request.add(run::failuresReported, batch);
        return request;
      }).getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // As in deliver: the Java test server's signal-with-start is not atomic.
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).failuresReported(batch);
      return new Delivered(workflowId, e.getExecution().getRunId(), true);
    }
  }

  private static Delivered batchToRouter(WorkflowClient client, ScimFailureEvent first, FailureBatch batch,
      PlaybookOptions options) {
    String workflowId = PlaybookIds.routerWorkflowId(first.accountId());
    EventRouterWorkflow router =
        client.newWorkflowStub(EventRouterWorkflow.class, PlaybookStartOptions.forRouter(first.accountId()));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(router::run, RouterInput.fresh(first.accountId(), options));
    request.add(router::failuresReported, batch);
    try {
      return new Delivered(workflowId, client.signalWithStart(request).getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      client.newWorkflowStub(EventRouterWorkflow.class, workflowId).failuresReported(batch);
      return new Delivered(workflowId, e.getExecution().getRunId(), true);
    }
  }

  /**
   * A run that continues as new is closed and its successor started in one step on a real server. The Java test server
   * does the two apart, and a signal-with-start between them fails with NOT_FOUND ("Completed workflow") without
   * delivering anything; a moment later the successor takes it, so try again a few times. Each attempt builds its
   * request afresh: the SDK refuses a second call with the same {@link BatchRequest} (IllegalStateException).
   */
  private static WorkflowExecution signalWithStart(WorkflowClient client, Supplier<BatchRequest> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.signalWithStart(request.get());
      } catch (WorkflowServiceException e) {
        if (attempt >= 5 || !(e.getCause() instanceof StatusRuntimeException grpc)
            || grpc.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
        try {
          Thread.sleep(20L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The workflow id an event goes to: its run, or its account's router when it names no source. */
  public static String targetId(ScimFailureEvent event) {
    return event.sourceId() == null ? PlaybookIds.routerWorkflowId(event.accountId())
        : PlaybookIds.workflowId(event.accountId(), event.sourceId());
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
