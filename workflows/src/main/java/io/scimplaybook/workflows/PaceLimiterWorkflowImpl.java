package io.scimplaybook.workflows;

import io.scimplaybook.api.pacing.PaceGrant;
import io.scimplaybook.api.pacing.PaceLimiterWorkflow;
import io.scimplaybook.api.pacing.PaceRequest;
import io.scimplaybook.api.pacing.PaceSchedule;
import io.scimplaybook.api.pacing.PacerInput;
import io.scimplaybook.api.pacing.PacerState;
import io.scimplaybook.api.pacing.PauseRequest;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * One vendor limit's slots (docs/pacing.md). Grants are pure bookkeeping in the update handler, with the workflow's
 * clock: no timer and no activity per grant, so a reservation costs one update round trip. The main method only
 * decides when this run ends: after {@link PacerInput#grantsBeforeContinueAsNew()} grants (continue as new with the
 * state) or after an idle spell once the state no longer matters (complete; the next request starts a fresh one).
 *
 * <p>Not the playbook: its command sequence is its own, and it has no released histories to replay yet.
 */
public class PaceLimiterWorkflowImpl implements PaceLimiterWorkflow {
  private PacerState state = PacerState.EMPTY;
  private int grantsThisRun;
  private long touches;

  @Override
  public void run(PacerInput input) {
    if (input.state() != null) {
      state = input.state();
    }
    int maxGrants = input.grantsBeforeContinueAsNew() < 1
        ? PacerInput.DEFAULT_GRANTS_BEFORE_CONTINUE_AS_NEW : input.grantsBeforeContinueAsNew();
    Duration idle = input.idleTimeout() == null || input.idleTimeout().isZero() || input.idleTimeout().isNegative()
        ? PacerInput.DEFAULT_IDLE_TIMEOUT : input.idleTimeout();
    while (true) {
      long seen = touches;
      // One timer per idle spell, not per grant: the condition wakes the loop only when the run is full.
      Workflow.await(idle, () -> grantsThisRun >= maxGrants);
      if (grantsThisRun >= maxGrants) {
        break;
      }
      if (touches == seen && PaceSchedule.settled(state, Workflow.currentTimeMillis())) {
        // A request racing this completion makes the server refuse it and replay with the request: none is lost.
        Workflow.await(Workflow::isEveryHandlerFinished);
        return;
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    // Built after the handlers finished, so a grant made in the last task is carried, not forgotten.
    Workflow.continueAsNew(new PacerInput(state, maxGrants, idle));
  }

  @Override
  public PaceGrant reserve(PaceRequest request) {
    long now = Workflow.currentTimeMillis();
    long slot = PaceSchedule.slot(state, request, now);
    state = PaceSchedule.grant(state, request, now);
    grantsThisRun++;
    touches++;
    return new PaceGrant(slot, Math.max(0, slot - now), state.pauses());
  }

  @Override
  public void validateReserve(PaceRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("a reservation needs its interval and burst");
    }
  }

  @Override
  public void pause(PauseRequest request) {
    if (request == null) {
      return;
    }
    state = PaceSchedule.pause(state, request, Workflow.currentTimeMillis());
    touches++;
  }

  @Override
  public PacerState state() {
    return state;
  }
}
