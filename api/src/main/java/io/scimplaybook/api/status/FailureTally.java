package io.scimplaybook.api.status;

import io.scimplaybook.api.input.ScimFailureEvent;
import java.time.Instant;

/** Every failure event the run received, folded: none is dropped, each is counted. */
public record FailureTally(long count, Instant firstSeen, Instant lastSeen, String lastReason, String storyId) {

  public static FailureTally none() {
    return new FailureTally(0, null, null, null, null);
  }

  public FailureTally add(ScimFailureEvent event) {
    Instant first = firstSeen == null || event.time().isBefore(firstSeen) ? event.time() : firstSeen;
    Instant last = lastSeen == null || event.time().isAfter(lastSeen) ? event.time() : lastSeen;
    String story = event.storyId() != null ? event.storyId() : storyId;
    return new FailureTally(count + 1, first, last, event.reason(), story);
  }
}
