package io.scimplaybook.api.status;

import io.scimplaybook.api.input.Idp;
import java.util.List;

/** The answer to the status query: where the run is, what it found, and what a person must do next. */
public record PlaybookStatus(
    String workflowId,
    Step step,
    int cycle,
    Idp idp,
    Outcome outcome,
    RootCause rootCause,
    FailureTally failures,
    OperatorTask pendingTask,
    List<StepRecord> steps,
    List<TimelineEntry> timeline) {}
