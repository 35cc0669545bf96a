package io.scimplaybook.api.fleet;

import java.time.Instant;

/** A source counted in an incident: the run to tell, and where it lives. */
public record AffectedSource(
    String workflowId, String accountId, String sourceId, String idp, String tenant, Instant firstSeen) {

  public static AffectedSource from(SourceFailure f, Instant at) {
    return new AffectedSource(f.workflowId(), f.accountId(), f.sourceId(), f.idp(), f.tenant(), at);
  }
}
