package io.scimplaybook.sandbox;

/**
 * What {@code GET /sandbox/state} shows. It says whether the IdP's saved token matches Cato's, never the tokens.
 * {@code jobRestarts} counts Graph restarts that took the job out of quarantine. {@code lastScheduledCycleAt} and
 * {@code lastScheduledCycleSucceeded} are the IdP's newest scheduled push (null before the first): what an operator
 * looks at in the IdP's console before confirming that a scheduled sync worked.
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
    int jobRestarts,
    String idp,
    String lastScheduledCycleAt,
    Boolean lastScheduledCycleSucceeded) {}
