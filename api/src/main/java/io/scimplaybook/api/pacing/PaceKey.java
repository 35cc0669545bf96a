package io.scimplaybook.api.pacing;

import java.util.regex.Pattern;

/**
 * What one vendor limit is counted against: the vendor, the account or tenant it counts per, and the call class it
 * counts (Cato: the GraphQL root query; Graph: provisionOnDemand or other). Every run and every worker process that
 * calls under the same key shares one {@link PaceLimiterWorkflow}, id {@link #workflowId()}.
 *
 * @param vendor {@code cato} or {@code graph} (later {@code okta}, {@code onelogin})
 * @param scope the Cato account id or the Entra tenant id
 * @param callClass e.g. {@code eventsFeed}, {@code auditFeed}, {@code events}, {@code provisionOnDemand}
 */
public record PaceKey(String vendor, String scope, String callClass) {
  public static final String WORKFLOW_ID_PREFIX = "scim-playbook-pace-";
  public static final String CATO = "cato";
  public static final String GRAPH = "graph";

  /** Tenant ids are GUIDs, account ids digits, classes query names: all fit, and all end up in a workflow id. */
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

  public PaceKey {
    require("vendor", vendor);
    require("scope", scope);
    require("callClass", callClass);
  }

  /** {@code scim-playbook-pace-{vendor}-{scope}-{callClass}}. */
  public String workflowId() {
    return WORKFLOW_ID_PREFIX + vendor + "-" + scope + "-" + callClass;
  }

  @Override
  public String toString() {
    return vendor + "/" + scope + "/" + callClass;
  }

  private static void require(String field, String value) {
    if (value == null || !PART.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "pace key " + field + " must be 1-64 letters, digits, '_', '.' or '-', got "
              + (value == null ? "nothing" : "'" + value + "'"));
    }
  }
}
