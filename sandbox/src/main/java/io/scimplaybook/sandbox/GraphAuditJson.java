package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries of {@code /auditLogs/directoryAudits} and {@code /auditLogs/provisioning} in Graph's shapes, and the
 * property values their {@code $filter}s can test.
 */
final class GraphAuditJson {
  static final String DIRECTORY_AUDITS_CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits";
  static final String PROVISIONING_CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning";

  private GraphAuditJson() {}

  static ObjectNode directoryAudit(EntraAuditEntry entry) {
    ObjectNode a = Json.object();
    a.put("id", entry.id());
    a.put("category", entry.category());
    a.put("correlationId", correlationId(entry.id()));
    a.put("result", "success");
    a.put("resultReason", "");
    a.put("activityDisplayName", entry.activityDisplayName());
    a.put("activityDateTime", Json.time(entry.time()));
    a.put("loggedByService", "Core Directory");
    a.put("operationType", entry.operationType());
    ObjectNode initiatedBy = a.putObject("initiatedBy");
    initiatedBy.putNull("app");
    ObjectNode user = initiatedBy.putObject("user");
    user.put("id", "c4d5e6f7-0a1b-4c2d-9e3f-" + String.format("%012x", Math.abs(entry.initiatorUpn().hashCode())));
    user.putNull("displayName");
    user.put("userPrincipalName", entry.initiatorUpn());
    user.put("ipAddress", "203.0.113.10");
    user.putNull("userType");
    user.putNull("homeTenantId");
    user.putNull("homeTenantName");
    ObjectNode target = a.putArray("targetResources").addObject();
    target.put("id", entry.targetId());
    target.put("displayName", entry.targetDisplayName());
    target.put("type", entry.targetType());
    target.putNull("userPrincipalName");
    target.putNull("groupType");
    ArrayNode props = target.putArray("modifiedProperties");
    for (EntraAuditEntry.Change c : entry.changes()) {
      ObjectNode p = props.addObject();
      p.put("displayName", c.displayName());
      p.put("oldValue", c.oldValue());
      p.put("newValue", c.newValue());
    }
    a.putArray("additionalDetails");
    return a;
  }

  static Map<String, String> directoryAuditProperties(EntraAuditEntry entry) {
    Map<String, String> p = new HashMap<>();
    p.put("id", entry.id());
    p.put("category", entry.category());
    p.put("activityDisplayName", entry.activityDisplayName());
    p.put("loggedByService", "Core Directory");
    p.put("operationType", entry.operationType());
    p.put("result", "success");
    p.put("initiatedBy/user/userPrincipalName", entry.initiatorUpn());
    return p;
  }

  static List<Map<String, String>> directoryAuditTargets(EntraAuditEntry entry) {
    Map<String, String> t = new HashMap<>();
    t.put("id", entry.targetId());
    t.put("type", entry.targetType());
    if (entry.targetDisplayName() != null) {
      t.put("displayName", entry.targetDisplayName());
    }
    return List.of(t);
  }

  static ObjectNode provisioning(ProvisioningAttempt attempt, SandboxConfig config) {
    SyncFailure failure = attempt.failure();
    String upn = config.probeUserPrincipalName();
    ObjectNode e = Json.object();
    e.put("id", attempt.id());
    e.put("activityDateTime", Json.time(attempt.time()));
    e.put("tenantId", config.entraTenantId());
    e.put("jobId", config.jobId());
    e.put("cycleId", correlationId(attempt.id() + "-cycle"));
    e.put("changeId", correlationId(attempt.id()));
    e.put("provisioningAction", "update");
    e.put("durationInMilliseconds", 420);
    ObjectNode source = e.putObject("sourceSystem");
    source.put("id", "0404601d-a9c0-4ec7-bbcd-02660120d8c9");
    source.put("displayName", "Azure Active Directory");
    source.putObject("details");
    ObjectNode target = e.putObject("targetSystem");
    target.put("id", "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7");
    target.put("displayName", ScenarioScript.ENTRA_APP_NAME);
    ObjectNode targetDetails = target.putObject("details");
    targetDetails.put("ApplicationId", "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    targetDetails.put("ServicePrincipalId", config.servicePrincipalId());
    targetDetails.put("ServicePrincipalDisplayName", ScenarioScript.ENTRA_APP_NAME);
    ObjectNode initiatedBy = e.putObject("initiatedBy");
    initiatedBy.put("id", "");
    initiatedBy.put("displayName", attempt.onDemand() ? "Provision on demand" : "Azure AD Provisioning Service");
    initiatedBy.put("initiatorType", attempt.onDemand() ? "user" : "system");
    ObjectNode sp = e.putObject("servicePrincipal");
    sp.put("id", config.servicePrincipalId());
    sp.put("displayName", ScenarioScript.ENTRA_APP_NAME);
    ObjectNode sourceIdentity = e.putObject("sourceIdentity");
    sourceIdentity.put("id", config.probeObjectId());
    sourceIdentity.put("displayName", "Probe User");
    sourceIdentity.put("identityType", "User");
    sourceIdentity.putObject("details");
    ObjectNode targetIdentity = e.putObject("targetIdentity");
    targetIdentity.put("id", failure == null ? ScimHandler.PROBE_SCIM_ID : "");
    targetIdentity.put("displayName", upn);
    targetIdentity.put("identityType", "User");
    targetIdentity.putObject("details");
    ObjectNode status = e.putObject("provisioningStatusInfo");
    status.put("status", failure == null ? "success" : "failure");
    if (failure == null) {
      status.putNull("errorInformation");
    } else {
      ObjectNode info = status.putObject("errorInformation");
      info.put("errorCode", failure.entraErrorCode());
      info.put("reason", failure.entraReason());
      info.putNull("additionalDetails");
      info.put("errorCategory", failure.entraErrorCategory());
      info.putNull("recommendedAction");
    }
    ArrayNode steps = e.putArray("provisioningSteps");
    step(steps, "EntryImport", "import", "success", "Received User '" + upn + "' change of type (Update) from "
        + "Azure Active Directory");
    step(steps, "EntryExportUpdate", "export", failure == null ? "success" : "failure",
        failure == null
            ? "User '" + upn + "' was updated in " + ScenarioScript.ENTRA_APP_NAME
            : "Failed to update User '" + upn + "' in " + ScenarioScript.ENTRA_APP_NAME + ": " + failure.entraReason());
    ArrayNode modified = e.putArray("modifiedProperties");
    ObjectNode p = modified.addObject();
    p.put("displayName", "userPrincipalName");
    p.putNull("oldValue");
    p.put("newValue", upn);
    return e;
  }

  static Map<String, String> provisioningProperties(ProvisioningAttempt attempt, SandboxConfig config) {
    Map<String, String> p = new HashMap<>();
    p.put("id", attempt.id());
    p.put("jobId", config.jobId());
    p.put("provisioningAction", "update");
    p.put("servicePrincipal/id", config.servicePrincipalId());
    p.put("provisioningStatusInfo/status", attempt.succeeded() ? "success" : "failure");
    p.put("sourceIdentity/id", config.probeObjectId());
    return p;
  }

  private static void step(ArrayNode steps, String name, String type, String status, String description) {
    ObjectNode s = steps.addObject();
    s.put("name", name);
    s.put("provisioningStepType", type);
    s.put("status", status);
    s.put("description", description);
    s.putObject("details");
  }

  /** A GUID-shaped id derived from another id, so it stays the same between calls. */
  private static String correlationId(String seed) {
    return java.util.UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }
}
