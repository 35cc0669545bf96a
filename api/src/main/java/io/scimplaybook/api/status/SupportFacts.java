package io.scimplaybook.api.status;

import java.util.List;

/**
 * The identifiers and the last exchange a support engineer needs to act on an escalation without asking back. No
 * secrets: request and answer are described, never copied with credentials.
 *
 * @param servicePrincipalId Entra's service principal of the Cato app (null for other IdPs)
 * @param jobId Entra's synchronization job
 * @param storyId the XOps story
 * @param catoEventIds the Cato event ids the run counted (the first ones, bounded)
 * @param scimUrl the SCIM tenant URL the IdP is given
 * @param lastRequest the failing call of the last attempt, e.g. "POST .../jobs/{job}/provisionOnDemand for probe@..."
 * @param lastAnswer what the IdP answered to it, shortened
 * @param jobState the job's state the run last saw (quarantine, restart)
 * @param entraTenantId the Entra tenant (null for other IdPs and older runs)
 * @param provisioningLogIds the ids of the failed provisioning log entries found in the audit review (bounded)
 */
public record SupportFacts(
    String servicePrincipalId,
    String jobId,
    String storyId,
    List<String> catoEventIds,
    String scimUrl,
    String lastRequest,
    String lastAnswer,
    String jobState,
    String entraTenantId,
    List<String> provisioningLogIds) {

  /** Facts of runs recorded before the tenant and provisioning log ids were kept. */
  public SupportFacts(String servicePrincipalId, String jobId, String storyId, List<String> catoEventIds,
      String scimUrl, String lastRequest, String lastAnswer, String jobState) {
    this(servicePrincipalId, jobId, storyId, catoEventIds, scimUrl, lastRequest, lastAnswer, jobState, null, List.of());
  }
}
