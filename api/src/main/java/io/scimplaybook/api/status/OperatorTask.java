package io.scimplaybook.api.status;

import io.scimplaybook.api.operator.TaskKind;
import java.time.Instant;
import java.util.List;

/**
 * What the run waits for from a person: exact instructions, the answers it accepts and the command that gives one.
 */
public record OperatorTask(
    String id, TaskKind kind, String title, String instructions, List<String> commands, Instant openedAt, Instant dueAt) {}
