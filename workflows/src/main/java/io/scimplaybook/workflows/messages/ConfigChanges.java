package io.scimplaybook.workflows.messages;

import java.util.List;

/** Changes one audit trail holds for the window asked. */
public record ConfigChanges(List<ConfigChange> changes) {}
