package io.scimplaybook.api.activities;

import io.scimplaybook.api.status.PlaybookReport;
import io.temporal.activity.ActivityInterface;

/** Delivers the support bundle of a run that could not fix the failure. */
@ActivityInterface
public interface EscalationActivities {
  /** Writes the bundle (JSON and Markdown) through the configured channel and returns where it went. */
  String deliverBundle(PlaybookReport report);
}
