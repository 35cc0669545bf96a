package io.scimplaybook.api.input;

/** The run's identity and settings; the failure events themselves arrive by signal (signal-with-start). */
public record PlaybookInput(String accountId, String sourceId, PlaybookOptions options) {}
