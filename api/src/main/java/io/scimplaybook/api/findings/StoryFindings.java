package io.scimplaybook.api.findings;

import java.util.List;

/** XOps stories whose indication mentions SCIM. */
public record StoryFindings(List<StorySummary> stories) {}
