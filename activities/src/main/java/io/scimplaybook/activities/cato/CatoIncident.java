package io.scimplaybook.activities.cato;

import java.time.Instant;

/** The part of a story's {@code incident} (MergedIncident) the playbook reads. {@code status} is a StoryStatusEnum name. */
public record CatoIncident(
    String id,
    String indication,
    String status,
    Instant firstSignal,
    Instant lastSignal,
    String producer,
    String producerName) {}
