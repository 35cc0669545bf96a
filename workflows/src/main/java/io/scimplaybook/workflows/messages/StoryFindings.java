package io.scimplaybook.workflows.messages;

import java.util.List;

/** XOps stories whose indication mentions SCIM. */
public record StoryFindings(List<StorySummary> stories) {}
