package io.scimplaybook.api.input;

import io.scimplaybook.api.status.RootCause;
import java.time.Instant;

/**
 * A monitoring window in progress, as absolute times so a run that continues as new keeps its deadline.
 *
 * @param windowEndsAt when the quiet window ends; in the past once the run looks for proof
 * @param baseline the failure count when the window began: any count above it is a failure during monitoring
 * @param cause the fix's root cause, and {@code conclusion} its sentence, for the outcome
 */
public record MonitoringWindow(
    Instant fixedAt, Instant windowEndsAt, long baseline, RootCause cause, String conclusion) {}
