package io.scimplaybook.sandbox;

/** What is wrong with one source of the simulated fleet. */
public enum FleetFailure {
  /** Nothing: the source is configured and healthy; no event names it. */
  HEALTHY,
  /**
   * The shared provider-side cause: Cato's SCIM endpoint answers 5xx to every source while the incident lasts, then
   * recovers by itself. Rotating tokens or reverting changes does not help; waiting does.
   */
  PROVIDER_INCIDENT,
  /** The IdP holds a token Cato no longer accepts; only a new CMA token saved in Entra fixes it. */
  TOKEN_MISMATCH,
  /** A Domain change in the account minutes before the failure; reverting it fixes provisioning. */
  CONFIG_CHANGE;

  /** The failure reason Cato's event carries for it, in Cato's words (the sandbox's scenarios'). */
  public String catoReason() {
    return switch (this) {
      case HEALTHY -> throw new IllegalStateException("a healthy source has no failure event");
      case TOKEN_MISMATCH -> SyncFailure.INVALID_CREDENTIALS.catoReason();
      case PROVIDER_INCIDENT, CONFIG_CHANGE -> SyncFailure.ENDPOINT_ERROR.catoReason();
    };
  }

  Scenario scenario() {
    return switch (this) {
      // The incident's 5xx is the stand-in's, for as long as it lasts; underneath, provisioning works (transient).
      case HEALTHY, PROVIDER_INCIDENT -> Scenario.TRANSIENT;
      case TOKEN_MISMATCH -> Scenario.TOKEN_MISMATCH;
      case CONFIG_CHANGE -> Scenario.CONFIG_CHANGE;
    };
  }
}
