package io.scimplaybook.api.input;

import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.status.CycleCause;
import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * What a run knows about itself, carried whole into the run it continues as: the count, first and last seen and the
 * recent event ids keep deduplication exact across the boundary; the steps, timeline and causes keep the report whole.
 *
 * @param recentEventIds the event ids counted lately, oldest first (the run remembers a bounded number)
 * @param timelineDropped entries the bounded timeline already left out
 */
public record RunSnapshot(
    Instant startedAt,
    SourceProfile profile,
    Step step,
    Instant stepStartedAt,
    int cycle,
    FailureTally failures,
    boolean feedEvidence,
    List<String> recentEventIds,
    List<String> eventIds,
    List<StepRecord> steps,
    List<TimelineEntry> timeline,
    int timelineDropped,
    List<CycleCause> causes,
    String jobState,
    List<String> provisioningLogIds,
    ProvisionResult lastFailedProvision,
    RootCause rootCause) {}
