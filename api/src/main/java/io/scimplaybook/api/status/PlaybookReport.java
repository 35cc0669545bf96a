package io.scimplaybook.api.status;

import io.scimplaybook.api.input.Idp;
import java.time.Instant;
import java.util.List;

/** The workflow's result, and the escalation bundle's content when it escalates. */
public record PlaybookReport(
    String workflowId,
    String accountId,
    String sourceId,
    Idp idp,
    Outcome outcome,
    RootCause rootCause,
    String conclusion,
    int cycles,
    FailureTally failures,
    List<StepRecord> steps,
    List<TimelineEntry> timeline,
    Instant startedAt,
    Instant endedAt,
    String bundleLocation,
    List<CycleCause> cycleCauses,
    SupportFacts support) {

  /** Reports of runs that kept no per-cycle causes (recorded before recovery-proof-v1). */
  public PlaybookReport(String workflowId, String accountId, String sourceId, Idp idp, Outcome outcome,
      RootCause rootCause, String conclusion, int cycles, FailureTally failures, List<StepRecord> steps,
      List<TimelineEntry> timeline, Instant startedAt, Instant endedAt, String bundleLocation) {
    this(workflowId, accountId, sourceId, idp, outcome, rootCause, conclusion, cycles, failures, steps, timeline,
        startedAt, endedAt, bundleLocation, List.of(), null);
  }

  public PlaybookReport withBundleLocation(String location) {
    return new PlaybookReport(
        workflowId, accountId, sourceId, idp, outcome, rootCause, conclusion, cycles, failures, steps, timeline,
        startedAt, endedAt, location, cycleCauses, support);
  }
}
