package io.scimplaybook.api;

import java.util.regex.Pattern;

/** Names shared by the worker, the starter and the CLI. */
public final class PlaybookIds {
  public static final String TASK_QUEUE = "scim-playbook";
  public static final String WORKFLOW_ID_PREFIX = "scim-playbook-";
  public static final String POLLER_WORKFLOW_ID_PREFIX = "scim-playbook-poller-";
  public static final String ROUTER_WORKFLOW_ID_PREFIX = "scim-playbook-router-";
  /** The one fleet watch ({@link FleetWatchWorkflow}): every run's sightings meet there. */
  public static final String FLEET_WORKFLOW_ID = "scim-playbook-fleet";

  /**
   * The source id of the run that receives an account's failures when the worker has no source configured for that
   * account: the run cannot find its source, ends ESCALATED and names the missing configuration. Never a Cato id
   * (those are numeric).
   */
  public static final String UNCONFIGURED_SOURCE = "unconfigured";

  /** Cato account ids are numeric; source ids are Cato's ids too. Both end up in a workflow id, so keep them plain. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.]{1,64}");

  private PlaybookIds() {}

  public static String workflowId(String accountId, String sourceId) {
    requireValid("accountId", accountId);
    requireValid("sourceId", sourceId);
    return WORKFLOW_ID_PREFIX + accountId + "-" + sourceId;
  }

  /** The events-feed poller of one Cato account: one per account, so starting it twice finds the running one. */
  public static String pollerWorkflowId(String accountId) {
    requireValid("accountId", accountId);
    return POLLER_WORKFLOW_ID_PREFIX + accountId;
  }

  /**
   * The router of one Cato account: it holds the account's failure events that name no source until the worker has
   * attributed them (see {@link PlaybookDelivery}). One per account, so a storm of such events is one router.
   */
  public static String routerWorkflowId(String accountId) {
    requireValid("accountId", accountId);
    return ROUTER_WORKFLOW_ID_PREFIX + accountId;
  }

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static void requireValid(String field, String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          field + " must be 1-64 letters, digits, '_' or '.', got " + (id == null ? "nothing" : "'" + id + "'"));
    }
  }
}
