package io.scimplaybook.workflows.messages;

/** The cause the evidence points to. */
public enum RootCause {
  TOKEN_MISMATCH,
  CONFIG_CHANGE,
  TRANSIENT,
  UNKNOWN
}
