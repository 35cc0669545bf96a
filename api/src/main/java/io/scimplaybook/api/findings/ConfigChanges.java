package io.scimplaybook.api.findings;

import java.util.List;

/** Changes one audit trail holds for the window asked. */
public record ConfigChanges(List<ConfigChange> changes) {}
