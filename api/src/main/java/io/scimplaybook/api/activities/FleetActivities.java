package io.scimplaybook.api.activities;

import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.SourceFailure;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Between the playbook runs and the fleet watch; the worker's configuration ({@code scim-playbook.fleet}) lives here. */
@ActivityInterface
public interface FleetActivities {

  /**
   * Tells the fleet watch (starting it if needed) that this source fails for this reason, and returns its verdict: the
   * settings in force and the open incident the source belongs to. With correlation off, reports nothing.
   */
  FleetVerdict reportFleetSighting(SourceFailure failure);

  /** Signals {@code notice} to each run; a run that has already ended is skipped. Returns how many were reached. */
  int tellFleetRuns(List<String> workflowIds, FleetNotice notice);
}
