package io.scimplaybook.api.activities;

import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The worker's side of the event router: attribution needs the configured sources, which only the worker has. */
@ActivityInterface
public interface RoutingActivities {

  /**
   * Attributes each event of {@code accountId} to its source(s) in the documented order and delivers it to each
   * source's playbook run, starting runs with {@code playbook}. Returns the workflow ids reached; delivers all or
   * throws (the router keeps the batch and tries again).
   */
  List<String> route(String accountId, List<ScimFailureEvent> events, PlaybookOptions playbook);
}
