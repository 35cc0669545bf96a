package io.scimplaybook.starter.webhook;

import io.scimplaybook.starter.PlaybookProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookStartOptions;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hands a failure event to the playbook run of its (account, source): signal-with-start, so the first event starts
 * the run and every later one is a signal to it. An event is either delivered or refused with an exception; it is
 * never dropped.
 */
@Service
public class PlaybookStarter {

  private static final Logger log = LoggerFactory.getLogger(PlaybookStarter.class);

  private final WorkflowClient client;
  private final PlaybookProperties playbook;

  public PlaybookStarter(WorkflowClient client, PlaybookProperties playbook) {
    this.client = client;
    this.playbook = playbook;
  }

  public AcceptedEvent accept(ScimFailureEvent event) {
    String workflowId = PlaybookIds.workflowId(event.accountId(), event.sourceId());
    try {
      WorkflowExecution run = signalWithStart(workflowId, event);
      log.info("failure event ({}) delivered to {} run {}", event.origin(), workflowId, run.getRunId());
      return new AcceptedEvent(workflowId, emptyToNull(run.getRunId()));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // A real server does signal-with-start atomically; the Java test server does not, so a concurrent first event
      // can win the start and make this call fail without our signal. Deliver it to the run that won.
      return signalRunning(workflowId, event, e.getExecution().getRunId());
    } catch (RuntimeException e) {
      throw unavailableOr(e, workflowId);
    }
  }

  private WorkflowExecution signalWithStart(String workflowId, ScimFailureEvent event) {
    ScimPlaybookWorkflow playbookRun = client.newWorkflowStub(ScimPlaybookWorkflow.class, optionsFor(workflowId, event));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(playbookRun::run, new PlaybookInput(event.accountId(), event.sourceId(), playbook.toOptions()));
    request.add(playbookRun::failureReported, event);
    return client.signalWithStart(request);
  }

  private AcceptedEvent signalRunning(String workflowId, ScimFailureEvent event, String runId) {
    try {
      client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId).failureReported(event);
      log.info("failure event ({}) delivered to {} by signal after a concurrent start", event.origin(), workflowId);
      return new AcceptedEvent(workflowId, emptyToNull(runId));
    } catch (WorkflowNotFoundException e) {
      // The run closed between the two calls: refuse rather than guess, the sender's retry starts a fresh run.
      throw new TemporalUnavailableException(
          "the playbook run " + workflowId + " closed while this event arrived; the event was not accepted, send it again",
          e);
    } catch (RuntimeException e) {
      throw unavailableOr(e, workflowId);
    }
  }

  private WorkflowOptions optionsFor(String workflowId, ScimFailureEvent event) {
    return PlaybookStartOptions.forEvent(event);
  }

  static String staticDetails(ScimFailureEvent event) {
    return PlaybookStartOptions.staticDetails(event);
  }

  private static RuntimeException unavailableOr(RuntimeException e, String workflowId) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        Status.Code code = grpc.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
          log.warn("Temporal unreachable, failure event for {} refused: {}", workflowId, code);
          return new TemporalUnavailableException(
              "Temporal is unreachable (" + code + "); the event was not accepted, send it again later", e);
        }
        break;
      }
    }
    return e;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
