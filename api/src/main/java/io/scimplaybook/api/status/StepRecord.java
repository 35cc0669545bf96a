package io.scimplaybook.api.status;

import java.time.Instant;
import java.util.List;

/** The evidence one step produced, in the order the run took the steps. */
public record StepRecord(
    int cycle, Step step, StepResult result, Instant startedAt, Instant endedAt, String summary, List<String> evidence) {}
