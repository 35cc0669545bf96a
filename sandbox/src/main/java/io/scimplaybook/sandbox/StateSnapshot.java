package io.scimplaybook.sandbox;

/**
 * What {@code GET /sandbox/state} shows. It says whether the IdP's saved token matches Cato's, never the tokens.
 * {@code jobRestarts} counts Graph restarts that took the job out of quarantine.
 */
public record StateSnapshot(
    String scenario,
    String accountId,
    String sourceId,
    String storyId,
    String storyStatus,
    boolean idpTokenMatchesCato,
    boolean domainChangeReverted,
    boolean provisioningWorks,
    String currentFailure,
    int catoTokensGenerated,
    int idpSecretsSaved,
    int provisionOnDemandCalls,
    int failureEvents,
    int jobRestarts) {}
