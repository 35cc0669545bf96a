package io.scimplaybook.sandbox;

/**
 * One SCIM source of the simulated fleet, with the Entra ids the worker must be configured with for it.
 *
 * @param failure what is wrong with it
 */
public record FleetSource(
    String accountId, String sourceId, FleetFailure failure, String servicePrincipalId, String jobId,
    String probeObjectId, String probeUser) {

  public boolean failing() {
    return failure != FleetFailure.HEALTHY;
  }
}
