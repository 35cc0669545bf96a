package io.scimplaybook.api.status;

/** The cause the evidence points to. */
public enum RootCause {
  TOKEN_MISMATCH,
  CONFIG_CHANGE,
  TRANSIENT,
  UNKNOWN,
  /**
   * A suspected provider-side incident (the fleet watch saw the same failure across many sources): the run held,
   * and provisioning worked again once the incident cleared, with nothing changed on this source.
   */
  PROVIDER_INCIDENT
}
