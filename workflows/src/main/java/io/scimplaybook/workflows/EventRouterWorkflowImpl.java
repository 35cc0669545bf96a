package io.scimplaybook.workflows;

import io.scimplaybook.api.EventRouterWorkflow;
import io.scimplaybook.api.activities.RoutingActivities;
import io.scimplaybook.api.input.EventCheck;
import io.scimplaybook.api.input.FailureBatch;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.RouterInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.RouterStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * One Cato account's router for failure events that name no source: drain the buffer into the routing activity (the
 * worker attributes and delivers each event), wait for more, complete after an idle spell, continue as new after
 * {@link RouterInput#batchesBeforeContinueAsNew()} batches.
 *
 * <p>No event is lost at completion: a signal that arrives while the final workflow task is in flight makes the server
 * refuse the completion and hand the worker a new task with the signal; the buffer is checked again after the idle
 * wait, so the loop goes on and routes it. A signal after completion starts a new run (signal-with-start).
 */
public class EventRouterWorkflowImpl implements EventRouterWorkflow {

  private static final Logger log = Workflow.getLogger(EventRouterWorkflowImpl.class);

  /** Wait before routing a batch again after the activity gave up (Temporal or the worker down for a while). */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

  private final RoutingActivities routing =
      Workflow.newActivityStub(RoutingActivities.class,
          ActivityOptions.newBuilder(ActivityPolicies.feedDelivery())
              .setSummary("attribute failure events to configured sources and deliver them to their runs").build());

  private final List<ScimFailureEvent> buffer = new ArrayList<>();
  private String accountId;
  private long eventsRouted;
  private long batches;
  private List<String> lastRoutedTo = List.of();
  private String lastError;

  @Override
  public void run(RouterInput input) {
    accountId = input.accountId();
    eventsRouted = input.eventsRouted();
    if (input.pending() != null) {
      // Before anything signalled to this run: carried-over events keep their place in line.
      buffer.addAll(0, input.pending());
    }
    PlaybookOptions playbook = input.playbook() == null ? PlaybookOptions.defaults() : input.playbook();
    Duration idle = input.idleTimeout() == null ? RouterInput.DEFAULT_IDLE_TIMEOUT : input.idleTimeout();
    int maxBatches = input.batchesBeforeContinueAsNew() < 1
        ? RouterInput.DEFAULT_BATCHES_BEFORE_CONTINUE_AS_NEW : input.batchesBeforeContinueAsNew();

    int batchesThisRun = 0;
    while (true) {
      if (buffer.isEmpty()) {
        Workflow.await(idle, () -> !buffer.isEmpty());
        if (buffer.isEmpty()) {
          log.info("event router of account {} idle for {}; completing after {} event(s)", accountId, idle,
              eventsRouted);
          return;
        }
      }
      if (batchesThisRun >= maxBatches || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(new RouterInput(accountId, playbook, List.copyOf(buffer), eventsRouted, idle,
            maxBatches));
      }
      List<ScimFailureEvent> batch = List.copyOf(buffer);
      buffer.clear();
      batchesThisRun++;
      try {
        lastRoutedTo = routing.route(accountId, batch, playbook);
        eventsRouted += batch.size();
        batches++;
        lastError = null;
      } catch (ActivityFailure f) {
        // Keep the batch at the front and try again later: an event is never dropped. The runs count repeats once.
        buffer.addAll(0, batch);
        lastError = "routing failed, will try again in " + RETRY_AFTER_FAILURE + ": " + Reasons.of(f);
        Workflow.sleep(RETRY_AFTER_FAILURE);
      }
    }
  }

  @Override
  public void failureReported(ScimFailureEvent event) {
    // A malformed event (a null one would break List.copyOf) would fail every routing attempt and hold up every event
    // behind it: refused here, by the rules of every door, and named in the status until the next good batch.
    String problem = EventCheck.problem(event, Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    if (problem != null) {
      lastError = "ignored a failure event: " + problem;
      log.warn("event router of account {} ignored a failure event: {}", accountId, problem);
      return;
    }
    buffer.add(event);
  }

  @Override
  public void failuresReported(FailureBatch batch) {
    // Each event by the same rules as a single one: a batch is no way past them.
    if (batch == null || batch.events() == null) {
      lastError = "ignored a batch of failure events: the signal carried none";
      return;
    }
    batch.events().forEach(this::failureReported);
  }

  @Override
  public RouterStatus status() {
    return new RouterStatus(accountId, buffer.size(), eventsRouted, batches, lastRoutedTo, lastError);
  }
}
