package io.scimplaybook.activities.entra;

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
    JsonNode statusInfo = Nodes.field(node, "provisioningStatusInfo");
    JsonNode error = Nodes.field(statusInfo, "errorInformation");
    String servicePrincipalId =
        Nodes.firstNonBlank(
            Nodes.text(Nodes.field(node, "servicePrincipal"), "id"),
            // older entries only name it in the system details
            Nodes.text(Nodes.field(Nodes.field(node, "targetSystem"), "details"), "ServicePrincipalId"),
            Nodes.text(Nodes.field(Nodes.field(node, "sourceSystem"), "details"), "ServicePrincipalId"));
    return new ProvisioningEvent(
        Nodes.text(node, "id"),
        Nodes.instant(node, "activityDateTime"),
        Nodes.text(statusInfo, "status"),
        Nodes.text(error, "errorCode"),
        Nodes.text(error, "reason"),
        Nodes.text(Nodes.field(node, "targetIdentity"), "displayName"),
        Nodes.text(Nodes.field(node, "sourceIdentity"), "displayName"),
        servicePrincipalId,
        Nodes.text(node, "jobId"),
        Nodes.text(node, "provisioningAction"),
        Nodes.text(Nodes.field(node, "initiatedBy"), "initiatorType", "initiatingType"));
  }
}
