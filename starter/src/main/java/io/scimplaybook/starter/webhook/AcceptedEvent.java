package io.scimplaybook.starter.webhook;

/** The webhook's 202 body: the run that now holds the event. {@code runId} is null when Temporal did not name it. */
public record AcceptedEvent(String workflowId, String runId) {}
