package io.scimplaybook.api.findings;

/**
 * The outcome of provisioning one user on demand.
 *
 * @param status the IdP's own word for the result (Entra: the failing step's status, e.g. Failure)
 * @param reason why it failed, as the IdP put it; empty on success
 */
public record ProvisionResult(boolean succeeded, String subject, String status, String reason) {}
