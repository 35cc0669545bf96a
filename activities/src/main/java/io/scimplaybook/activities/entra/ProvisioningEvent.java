package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of Entra's provisioning log.
 *
 * @param status success, failure, skipped or warning (Graph writes them in lower case)
 * @param servicePrincipalId the enterprise app the entry belongs to, null when the entry does not say
 * @param initiatorType system, user or application (published under both initiatingType and initiatorType)
 */
public record ProvisioningEvent(
    String id,
    Instant activityDateTime,
    String status,
    String errorCode,
    String reason,
    String targetDisplayName,
    String sourceDisplayName,
    String servicePrincipalId,
    String jobId,
    String provisioningAction,
    String initiatorType) {

  public boolean failed() {
    return "failure".equalsIgnoreCase(status);
  }

  static ProvisioningEvent from(JsonNode node) {
    JsonNode statusInfo = JsonFields.field(node, "provisioningStatusInfo");
    JsonNode error = JsonFields.field(statusInfo, "errorInformation");
    String servicePrincipalId =
        JsonFields.firstNonBlank(
            JsonFields.text(JsonFields.field(node, "servicePrincipal"), "id"),
            // older entries only name it in the system details
            JsonFields.text(JsonFields.field(JsonFields.field(node, "targetSystem"), "details"), "ServicePrincipalId"),
            JsonFields.text(JsonFields.field(JsonFields.field(node, "sourceSystem"), "details"), "ServicePrincipalId"));
    return new ProvisioningEvent(
        JsonFields.text(node, "id"),
        JsonFields.instant(node, "activityDateTime"),
        JsonFields.text(statusInfo, "status"),
        JsonFields.text(error, "errorCode"),
        JsonFields.text(error, "reason"),
        JsonFields.text(JsonFields.field(node, "targetIdentity"), "displayName"),
        JsonFields.text(JsonFields.field(node, "sourceIdentity"), "displayName"),
        servicePrincipalId,
        JsonFields.text(node, "jobId"),
        JsonFields.text(node, "provisioningAction"),
        JsonFields.text(JsonFields.field(node, "initiatedBy"), "initiatorType", "initiatingType"));
  }
}
