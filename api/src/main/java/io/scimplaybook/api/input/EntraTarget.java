package io.scimplaybook.api.input;

/**
 * Where the Cato connection lives in Entra ID: the enterprise app's service principal and its synchronization job,
 * and the one assigned user provisioned on demand to test the connection; the tenant is the worker's Entra tenant
 * (Entra > Overview > Tenant ID), which support asks for first.
 */
public record EntraTarget(
    String servicePrincipalId, String jobId, String ruleId, String probeObjectId, String probeUser, String tenantId) {

  /** A target without the tenant id (histories recorded before it was kept, tests that do not need it). */
  public EntraTarget(String servicePrincipalId, String jobId, String ruleId, String probeObjectId, String probeUser) {
    this(servicePrincipalId, jobId, ruleId, probeObjectId, probeUser, null);
  }
}
