package io.scimplaybook.api.activities;

import io.scimplaybook.api.input.SourceProfile;
import io.temporal.activity.ActivityInterface;

/** Looks up, in the worker's configuration, which IdP feeds a SCIM source and how to reach it. */
@ActivityInterface
public interface SourceActivities {
  SourceProfile describeSource(String accountId, String sourceId);
}
