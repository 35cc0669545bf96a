package io.scimplaybook.api.input;

/**
 * Where the Cato connection lives in Entra ID: the enterprise app's service principal and its synchronization job,
 * and the one assigned user provisioned on demand to test the connection.
 */
public record EntraTarget(
    String servicePrincipalId, String jobId, String ruleId, String probeObjectId, String probeUser) {}
