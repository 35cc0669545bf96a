package io.scimplaybook.api.input;

/**
 * The run's identity and settings; the failure events themselves arrive by signal (signal-with-start).
 *
 * @param carried null when a run starts; what the previous run handed over when it continued as new
 */
public record PlaybookInput(String accountId, String sourceId, PlaybookOptions options, PlaybookCarryOver carried) {

  public PlaybookInput(String accountId, String sourceId, PlaybookOptions options) {
    this(accountId, sourceId, options, null);
  }
}
