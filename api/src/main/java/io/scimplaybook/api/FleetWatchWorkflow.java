package io.scimplaybook.api;

import io.scimplaybook.api.fleet.FleetBatch;
import io.scimplaybook.api.fleet.FleetInput;
import io.scimplaybook.api.fleet.FleetSighting;
import io.scimplaybook.api.fleet.FleetStatus;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The fleet watch, one per namespace ({@link PlaybookIds#FLEET_WORKFLOW_ID}): playbook runs report their source's
 * failure reason here ({@link FleetReporting}); when one reason hits {@code threshold} sources within the window,
 * across accounts or inside one IdP tenant, it declares a suspected provider-side incident and tells the affected
 * runs, which hold before asking people; it clears the incident after a quiet period and tells them again.
 */
@WorkflowInterface
public interface FleetWatchWorkflow {

  @WorkflowMethod
  void run(FleetInput input);

  @SignalMethod
  void sighted(FleetSighting sighting);

  /** Several sightings from one worker at once ({@link FleetBatcher}), each counted as {@link #sighted} counts it. */
  @SignalMethod
  void sightedAll(FleetBatch batch);

  /** Whether {@code sighting} has been counted, and the open incident its source belongs to. */
  @QueryMethod
  FleetVerdict verdict(FleetSighting sighting);

  @QueryMethod
  FleetStatus status();
}
