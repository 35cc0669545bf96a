package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What Entra reported for one provision-on-demand. The 200 response carries two JSON documents serialized into strings:
 * {@code key} ({@code {"result","details":{"errorCode","errorMessage"}}}) and {@code value} (the attempt with its
 * {@code provisioningSteps} and {@code statusInfo}). A failing step is what tells a broken connection.
 *
 * @param succeeded no step, and neither overall status, says Failure
 * @param status the failing step's status when one failed, else the overall result (Success, Skipped, ...)
 * @param failedStep name of the first failing step, null when none failed
 * @param errorCode e.g. SystemForCrossDomainIdentityManagementCredentialValidationUnavailable
 * @param reportableIdentifier the object as Entra names it in the portal (user principal name)
 */
public record ProvisionOnDemandResult(
    boolean succeeded,
    String status,
    String failedStep,
    String failedStepDescription,
    String errorCode,
    String reason,
    String reportableIdentifier,
    List<ProvisioningStep> steps) {

  public ProvisionOnDemandResult {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /** One line an operator can act on: which step failed, Entra's error code and reason, and for which object. */
  public String summary() {
    if (succeeded) {
      return "provision on demand " + (status == null ? "succeeded" : "returned " + status)
          + (reportableIdentifier == null ? "" : " for " + reportableIdentifier);
    }
    StringBuilder out = new StringBuilder();
    out.append(failedStep == null ? "provision on demand failed" : "step " + failedStep + " failed");
    if (reportableIdentifier != null) {
      out.append(" for ").append(reportableIdentifier);
    }
    if (failedStepDescription != null) {
      out.append(": ").append(failedStepDescription);
    }
    if (errorCode != null) {
      out.append("; error ").append(errorCode);
    }
    if (reason != null && !reason.equals(failedStepDescription)) {
      out.append(errorCode != null ? ": " : "; ").append(reason);
    }
    return out.toString();
  }

  static ProvisionOnDemandResult parse(JsonNode response) {
    JsonNode key = Nodes.embedded(JsonFields.field(response, "key"));
    JsonNode keyDetails = Nodes.embedded(JsonFields.field(key, "details"));
    JsonNode value = Nodes.embedded(JsonFields.field(response, "value"));
    JsonNode statusInfo = JsonFields.field(value, "statusInfo", "provisioningStatusInfo");

    // The brief shape is an object holding provisioningSteps; a bare array of steps is accepted as well.
    JsonNode stepNodes = value.isArray() ? value : Nodes.embedded(JsonFields.field(value, "provisioningSteps"));
    List<ProvisioningStep> steps = new ArrayList<>();
    if (stepNodes.isArray()) {
      stepNodes.forEach(node -> steps.add(ProvisioningStep.from(node)));
    }
    ProvisioningStep failed = steps.stream().filter(ProvisioningStep::failed).findFirst().orElse(null);

    String result = JsonFields.text(key, "result");
    String overall = JsonFields.text(statusInfo, "status");
    boolean failure = failed != null || "failure".equalsIgnoreCase(result) || "failure".equalsIgnoreCase(overall);

    String errorCode =
        JsonFields.firstNonBlank(
            failed == null ? null : failed.detail("errorCode", "error"),
            JsonFields.text(statusInfo, "errorCode"),
            JsonFields.text(JsonFields.field(statusInfo, "errorInformation"), "errorCode"),
            JsonFields.text(keyDetails, "errorCode"));
    String reason =
        JsonFields.firstNonBlank(
            failed == null ? null : failed.detail("reason", "errorMessage", "errorDescription", "message"),
            JsonFields.text(statusInfo, "reason"),
            JsonFields.text(JsonFields.field(statusInfo, "errorInformation"), "reason"),
            JsonFields.text(keyDetails, "errorMessage", "reason"));
    String reportable =
        JsonFields.firstNonBlank(
            JsonFields.text(value, "reportableIdentifier"),
            failed == null ? null : failed.detail("reportableIdentifier"));
    String status;
    if (failed != null) {
      status = failed.status();
    } else if (failure) {
      status = "Failure";
    } else {
      status = JsonFields.firstNonBlank(result, overall, "Success");
    }
    return new ProvisionOnDemandResult(
        !failure,
        status,
        failed == null ? null : failed.name(),
        failed == null ? null : failed.description(),
        failure ? errorCode : null,
        failure ? reason : null,
        reportable,
        steps);
  }
}
