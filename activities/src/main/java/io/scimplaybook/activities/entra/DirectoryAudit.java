package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
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
    JsonNode initiator = JsonFields.field(node, "initiatedBy");
    JsonNode user = JsonFields.field(initiator, "user");
    JsonNode app = JsonFields.field(initiator, "app");
    String actor =
        JsonFields.firstNonBlank(
            JsonFields.text(user, "userPrincipalName"),
            JsonFields.text(app, "displayName"),
            JsonFields.text(user, "displayName"),
            JsonFields.text(app, "servicePrincipalName", "appId"),
            JsonFields.text(user, "id"));
    List<AuditTarget> targets = new ArrayList<>();
    JsonNode list = JsonFields.field(node, "targetResources");
    if (list.isArray()) {
      list.forEach(t -> targets.add(AuditTarget.from(t)));
    }
    return new DirectoryAudit(
        JsonFields.text(node, "id"),
        JsonFields.instant(node, "activityDateTime"),
        JsonFields.text(node, "activityDisplayName"),
        JsonFields.text(node, "category"),
        JsonFields.text(node, "operationType"),
        JsonFields.text(node, "result"),
        actor,
        targets);
  }
}
