package io.scimplaybook.api.operator;

/** An operator's answer to the pending task {@code taskId}. */
public record TaskDecision(String taskId, Decision decision, String operator, String note) {}
