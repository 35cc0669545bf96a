package io.scimplaybook.api.findings;

/** What the evidence says about an operator's claim. */
public enum ClaimVerdict {
  /** The vendor shows it: e.g. a successful push of the probe user after the claim. */
  HELD,
  /** The vendor shows the opposite: e.g. an authentication failure after the claim. The task is opened again. */
  CONTRADICTED,
  /** Nothing either way (no API, or nothing logged yet); the claim is taken, and the evidence says it was not checked. */
  UNVERIFIED
}
