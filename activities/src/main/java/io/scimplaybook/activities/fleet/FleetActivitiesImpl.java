package io.scimplaybook.activities.fleet;

import io.scimplaybook.api.FleetBatcher;
import io.scimplaybook.api.FleetReporting;
import io.scimplaybook.api.activities.FleetActivities;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.SourceFailure;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;

/**
 * The worker's side of fleet correlation: its {@code scim-playbook.fleet} settings go with every sighting, and the
 * sightings of all runs on this worker go to the fleet watch in one signal per round ({@link FleetBatcher}).
 */
public class FleetActivitiesImpl implements FleetActivities {
  private final WorkflowClient client;
  private final FleetSettings settings;
  private final FleetBatcher batcher;
  private final Duration verdictWait;

  public FleetActivitiesImpl(WorkflowClient client, FleetSettings settings, Duration linger, Duration verdictWait) {
    this.client = client;
    this.settings = settings;
    this.batcher = new FleetBatcher(client, linger);
    this.verdictWait = verdictWait;
  }

  public FleetActivitiesImpl(WorkflowClient client, FleetSettings settings) {
    this(client, settings, FleetBatcher.DEFAULT_LINGER, FleetReporting.DEFAULT_VERDICT_WAIT);
  }

  @Override
  public FleetVerdict reportFleetSighting(SourceFailure failure) {
    return FleetReporting.reportFromActivity(batcher, failure, settings, verdictWait);
  }

  @Override
  public int tellFleetRuns(List<String> workflowIds, FleetNotice notice) {
    return FleetReporting.tell(client, workflowIds, notice);
  }

  public FleetSettings settings() {
    return settings;
  }
}
