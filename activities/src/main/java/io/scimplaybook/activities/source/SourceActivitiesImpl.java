package io.scimplaybook.activities.source;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.input.SourceProfile;
import java.util.List;

/** Answers from the worker's configured list of SCIM sources; a source nobody configured cannot be repaired. */
public class SourceActivitiesImpl implements SourceActivities {
  private final List<SourceProfile> sources;

  public SourceActivitiesImpl(List<SourceProfile> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public SourceProfile describeSource(String accountId, String sourceId) {
    return sources.stream()
        .filter(s -> s.accountId().equals(accountId) && s.sourceId().equals(sourceId))
        .findFirst()
        .orElseThrow(() -> ActivityFailures.configuration("no SCIM source " + sourceId + " of account " + accountId
            + " is configured on this worker (scim-playbook.sources)"));
  }
}
