package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The answer to {@code provisionOnDemand}: {@code @odata.context}, {@code key} and {@code value}, the last two being
 * JSON serialized into strings as Graph sends them. {@code value} lists the provisioning steps; the last is the export
 * to Cato ({@code EntryExportUpdate}, type {@code Export}), {@code Success} or {@code Failure}. A failed export's
 * {@code details} carry {@code errorCode} and {@code reason}, repeated in {@code statusInfo}. When Cato rejects the
 * credentials the matching step (a read from Cato) is left out, since it could not have run either.
 */
final class ProvisionOnDemandJson {
  static final String ODATA_CONTEXT =
      "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.stringKeyStringValuePair";
  private static final String TARGET_SYSTEM = "customappsso";

  private ProvisionOnDemandJson() {}

  static ObjectNode response(ProvisioningAttempt attempt, String objectId, String userPrincipalName) {
    SyncFailure failure = attempt.failure();
    Instant start = attempt.time();

    ObjectNode key = Json.object();
    key.put("result", failure == null ? "Success" : "Failure");
    ObjectNode keyDetails = key.putObject("details");
    if (failure != null) {
      keyDetails.put("errorCode", failure.entraErrorCode());
      keyDetails.put("errorMessage", failure.entraReason());
    }

    ObjectNode value = Json.object();
    value.put("action", "Update");
    value.put("changeId", attempt.id());
    value.put("endTime", Json.time(start.plusMillis(420)));
    ArrayNode modified = value.putArray("modifiedProperties");
    modified(modified, "objectId", objectId);
    modified(modified, "accountEnabled", "True");
    modified(modified, "displayName", "Probe User");
    modified(modified, "userPrincipalName", userPrincipalName);

    ArrayNode steps = value.putArray("provisioningSteps");
    ObjectNode imported = step(steps, "EntryImport", "Import", "Success",
        "Retrieved User '" + userPrincipalName + "' from Azure Active Directory", start.plusMillis(40));
    imported.put("objectId", objectId);
    imported.put("accountEnabled", "True");
    imported.put("displayName", "Probe User");
    imported.put("userPrincipalName", userPrincipalName);
    ObjectNode scoping = step(steps, "EntrySynchronizationScoping", "Scoping", "Success",
        "Determine if User in scope by evaluating against each scoping filter", start.plusMillis(120));
    scoping.put("IsActive", "True");
    scoping.put("Assigned", "True");
    scoping.put("IsEffectivelyEntitledForProvisioning", "True");
    scoping.put("IsInProvisioningScopeDisplayName", "True");
    scoping.put("ScopeEvaluationResult", "{}");
    if (failure != SyncFailure.INVALID_CREDENTIALS) {
      ObjectNode matching = step(steps, "EntryImport", "Matching", "Success",
          "Retrieved '" + userPrincipalName + "' from " + TARGET_SYSTEM, start.plusMillis(260));
      matching.put("active", "True");
      matching.put("id", ScimHandler.PROBE_SCIM_ID);
      matching.put("userName", userPrincipalName);
    }
    if (failure == null) {
      ObjectNode export = step(steps, "EntryExportUpdate", "Export", "Success",
          "User '" + userPrincipalName + "' was updated in " + TARGET_SYSTEM, start.plusMillis(420));
      export.put("ReportableIdentifier", userPrincipalName);
    } else {
      ObjectNode export = step(steps, "EntryExportUpdate", "Export", "Failure",
          "Failed to update User '" + userPrincipalName + "' in " + TARGET_SYSTEM + ": " + failure.entraReason(),
          start.plusMillis(420));
      export.put("ReportableIdentifier", userPrincipalName);
      export.put("errorCode", failure.entraErrorCode());
      export.put("reason", failure.entraReason());
      export.put("errorCategory", failure.entraErrorCategory());
    }

    value.put("reportableIdentifier", userPrincipalName);
    value.put("startTime", Json.time(start));
    ObjectNode status = value.putObject("statusInfo");
    status.put("status", failure == null ? "Success" : "Failure");
    status.put("errorCode", failure == null ? null : failure.entraErrorCode());
    status.put("reason", failure == null ? null : failure.entraReason());
    status.putNull("additionalDetails");
    status.put("errorCategory", failure == null ? null : failure.entraErrorCategory());
    status.putNull("recommendedAction");
    identity(value.putObject("sourceIdentity"), objectId, "User");
    system(value.putObject("sourceSystem"), "Azure Active Directory");
    identity(value.putObject("targetIdentity"), failure == null ? ScimHandler.PROBE_SCIM_ID : null,
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    system(value.putObject("targetSystem"), TARGET_SYSTEM);

    ObjectNode response = Json.object();
    response.put("@odata.context", ODATA_CONTEXT);
    response.put("key", Json.write(key));
    response.put("value", Json.write(value));
    return response;
  }

  /** Adds a step and returns its details for the caller to fill. */
  private static ObjectNode step(ArrayNode steps, String name, String type, String status, String description,
      Instant at) {
    ObjectNode step = steps.addObject();
    step.put("name", name);
    step.put("type", type);
    step.put("status", status);
    step.put("description", description);
    step.put("timestamp", Json.time(at));
    return step.putObject("details");
  }

  private static void modified(ArrayNode list, String name, String newValue) {
    ObjectNode p = list.addObject();
    p.put("displayName", name);
    p.putNull("oldValue");
    p.put("newValue", newValue);
  }

  private static void identity(ObjectNode node, String id, String type) {
    node.put("id", id);
    node.put("type", type);
    node.putNull("displayName");
    node.putNull("details");
  }

  private static void system(ObjectNode node, String name) {
    node.putNull("id");
    node.put("name", name);
    node.putNull("details");
  }
}
