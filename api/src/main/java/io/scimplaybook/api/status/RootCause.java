package io.scimplaybook.api.status;

/** The cause the evidence points to. */
public enum RootCause {
  TOKEN_MISMATCH,
  CONFIG_CHANGE,
  TRANSIENT,
  UNKNOWN
}
