package io.scimplaybook.workflows;

import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.temporal.workflow.Workflow;

/**
 * Which steps the worker does through the run's IdP API, and which an operator does (change id {@value #CHANGE}).
 * Runs started before the IdP port ask what their release asked ({@code Idp.hasProvisioningApi}, Entra's job with its
 * target) and never check an operator's claim, so their histories replay; runs after it ask the source's profile.
 */
final class Capabilities {
  static final String CHANGE = "idp-port-v1";

  private final RunRecord run;
  /** Asked once, where the run first needs it; the same place on every replay because the code before it is the same. */
  private Integer version;

  Capabilities(RunRecord run) {
    this.run = run;
  }

  /** Whether this run is on the IdP port: capabilities from the profile, operators' claims checked. */
  boolean ported() {
    if (version == null) {
      version = Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1);
    }
    return version >= 1;
  }

  boolean automates(IdpCapability capability) {
    return ported() ? run.profile.automates(capability) : asReleasedBefore(capability);
  }

  private boolean asReleasedBefore(IdpCapability capability) {
    Idp idp = run.profile.idp();
    return switch (capability) {
      case READ_SCHEDULED_CYCLE, RESTART_JOB -> idp == Idp.ENTRA_ID && run.profile.entra() != null;
      default -> idp.hasProvisioningApi();
    };
  }
}
