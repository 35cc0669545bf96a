package io.scimplaybook.testkit;

import io.scimplaybook.api.FleetWatchWorkflow;
import io.scimplaybook.api.fleet.FleetBatch;
import io.scimplaybook.api.fleet.FleetCarryOver;
import io.scimplaybook.api.fleet.FleetInput;
import io.scimplaybook.api.fleet.FleetSighting;
import io.scimplaybook.api.fleet.FleetStatus;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.temporal.workflow.Workflow;
import java.util.List;

/** A fleet watch that shows whatever state it was started with: what the CLI's {@code fleet} verb renders. */
public class FakeFleetWatchWorkflow implements FleetWatchWorkflow {
  private FleetInput input;

  @Override
  public void run(FleetInput in) {
    input = in;
    Workflow.await(() -> false);
  }

  @Override
  public void sighted(FleetSighting sighting) {}

  @Override
  public void sightedAll(FleetBatch batch) {}

  @Override
  public FleetVerdict verdict(FleetSighting sighting) {
    return FleetVerdict.off(input.settings());
  }

  @Override
  public FleetStatus status() {
    FleetCarryOver c = input.carried();
    return c == null ? new FleetStatus(input.settings(), List.of(), List.of(), 0, 0, 0)
        : new FleetStatus(input.settings(), c.open(), c.recent(), c.sightings(), c.marks().size(), c.continuedRuns());
  }
}
