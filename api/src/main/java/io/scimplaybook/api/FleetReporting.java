package io.scimplaybook.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.scimplaybook.api.fleet.FleetBatch;
import io.scimplaybook.api.fleet.FleetInput;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetSighting;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.ReasonKey;
import io.scimplaybook.api.fleet.SourceFailure;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.time.Duration;
import java.util.List;

/**
 * The client side of the fleet watch, shared by the worker's activity and the tests: sightings go in by
 * signal-with-start (a signal is never lost, even while the watch continues as new), grouped per worker by {@link
 * FleetBatcher}; the verdict is read by query once the watch has counted the sighting. Never called from a workflow.
 */
public final class FleetReporting {

  /** Long enough for a loaded watch to take a burst of sightings; a run that does not wait gets the news by signal. */
  public static final Duration DEFAULT_VERDICT_WAIT = Duration.ofSeconds(10);

  private FleetReporting() {}

  public static WorkflowOptions startOptions() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(PlaybookIds.FLEET_WORKFLOW_ID)
        .setTaskQueue(PlaybookIds.TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary("Fleet watch · suspected provider incidents")
        .setStaticDetails("Counts SCIM failures by reason across every account and IdP tenant; declares a suspected "
            + "provider-side incident at the threshold and holds the affected runs until it clears (README, "
            + "\"Provider incidents\"). `./scim-playbook fleet` shows the same.")
        .build();
  }

  /**
   * The activity's whole work: with correlation off, nothing is sent; otherwise the failure becomes a sighting whose id
   * is the calling activity's (the same on every retry, so the watch counts it once) and goes to the watch.
   */
  public static FleetVerdict reportFromActivity(
      FleetBatcher batcher, SourceFailure failure, FleetSettings settings, Duration wait) {
    if (!settings.enabled()) {
      return FleetVerdict.off(settings);
    }
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    String id = info.getWorkflowId() + "/" + info.getRunId() + "/" + info.getActivityId();
    return batcher.report(new FleetSighting(id, failure, ReasonKey.of(failure.reason()), settings), wait);
  }

  /** Polls the watch until it has counted {@code sighting} or {@code wait} passed; then its verdict. */
  public static FleetVerdict verdict(WorkflowClient client, FleetSighting sighting, Duration wait) {
    FleetWatchWorkflow watch = client.newWorkflowStub(FleetWatchWorkflow.class, PlaybookIds.FLEET_WORKFLOW_ID);
    long deadline = System.nanoTime() + wait.toNanos();
    long pause = 20;
    while (true) {
      FleetVerdict last;
      try {
        last = watch.verdict(sighting);
      } catch (WorkflowNotFoundException | WorkflowServiceException e) {
        // Between two runs of a watch continuing as new: the next one answers a moment later.
        last = null;
      }
      if ((last != null && last.seen()) || System.nanoTime() >= deadline) {
        return last != null ? last : new FleetVerdict(false, sighting.settings(), null);
      }
      sleep(pause);
      pause = Math.min(pause * 2, 250);
    }
  }

  /** Signal-with-start of one batch (its last sighting's settings start the watch); no verdict. */
  public static void deliver(WorkflowClient client, FleetBatch batch) {
    if (batch.sightings().isEmpty()) {
      return;
    }
    FleetSettings settings = batch.sightings().get(batch.sightings().size() - 1).settings();
    FleetWatchWorkflow watch = client.newWorkflowStub(FleetWatchWorkflow.class, startOptions());
    for (int attempt = 1; ; attempt++) {
      try {
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(watch::run, new FleetInput(settings, null));
        request.add(watch::sightedAll, batch);
        client.signalWithStart(request);
        return;
      } catch (WorkflowExecutionAlreadyStarted e) {
        // The Java test server's signal-with-start is not atomic (PlaybookDelivery says more): the watch another
        // worker just started takes this batch as a plain signal.
        client.newWorkflowStub(FleetWatchWorkflow.class, PlaybookIds.FLEET_WORKFLOW_ID).sightedAll(batch);
        return;
      } catch (WorkflowServiceException e) {
        // The test server closes a run that continues as new before it starts the next: NOT_FOUND for a moment.
        if (attempt >= 5 || !(e.getCause() instanceof StatusRuntimeException grpc)
            || grpc.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
        sleep(20L * attempt);
      }
    }
  }

  /** Signals the notice to each run; those that have ended are skipped. */
  public static int tell(WorkflowClient client, List<String> workflowIds, FleetNotice notice) {
    int reached = 0;
    for (String id : workflowIds) {
      try {
        client.newWorkflowStub(ScimPlaybookWorkflow.class, id).fleetNotice(notice);
        reached++;
      } catch (WorkflowNotFoundException e) {
        // The run ended (resolved by itself, or by people): nothing is waiting for the news.
      }
    }
    return reached;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the fleet watch", e);
    }
  }
}
