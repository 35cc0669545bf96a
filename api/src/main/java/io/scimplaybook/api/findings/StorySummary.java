package io.scimplaybook.api.findings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** An XOps story as the playbook needs it; {@code status} is Cato's StoryStatusEnum name (Open, Monitoring, ...). */
public record StorySummary(
    String id, String indication, String status, Instant createdAt, Instant updatedAt, String summary) {

  @JsonIgnore // derived, so it must not travel as a field
  public boolean isOngoing() {
    return status == null || !"Closed".equalsIgnoreCase(status);
  }
}
