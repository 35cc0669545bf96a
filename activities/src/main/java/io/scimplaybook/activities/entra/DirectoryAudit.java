package io.scimplaybook.activities.entra;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of Entra's directory audit log.
 *
 * @param category e.g. ApplicationManagement, ProvisioningManagement, UserManagement
 * @param operationType e.g. Add, Update, Delete, Assign
 * @param initiatedBy the user's principal name, or the app's display name for app-initiated changes
 */
public record DirectoryAudit(
    String id,
    Instant activityDateTime,
    String activityDisplayName,
    String category,
    String operationType,
    String result,
    String initiatedBy,
    List<AuditTarget> targetResources) {

  public DirectoryAudit {
    targetResources = targetResources == null ? List.of() : List.copyOf(targetResources);
  }

  static DirectoryAudit from(JsonNode node) {
    JsonNode initiator = Nodes.field(node, "initiatedBy");
    JsonNode user = Nodes.field(initiator, "user");
    JsonNode app = Nodes.field(initiator, "app");
    String actor =
        Nodes.firstNonBlank(
            Nodes.text(user, "userPrincipalName"),
            Nodes.text(app, "displayName"),
            Nodes.text(user, "displayName"),
            Nodes.text(app, "servicePrincipalName", "appId"),
            Nodes.text(user, "id"));
    List<AuditTarget> targets = new ArrayList<>();
    JsonNode list = Nodes.field(node, "targetResources");
    if (list.isArray()) {
      list.forEach(t -> targets.add(AuditTarget.from(t)));
    }
    return new DirectoryAudit(
        Nodes.text(node, "id"),
        Nodes.instant(node, "activityDateTime"),
        Nodes.text(node, "activityDisplayName"),
        Nodes.text(node, "category"),
        Nodes.text(node, "operationType"),
        Nodes.text(node, "result"),
        actor,
        targets);
  }
}
