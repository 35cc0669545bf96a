package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.body;
import static io.scimplaybook.activities.entra.GraphPayloads.json;
import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class ProvisionOnDemandTest extends GraphServerTest {

  @Test
  void sendsTheDocumentedRequestAndReadsASkippedResultAsSuccess() throws Exception {
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-provisionOnDemand.response.json")));

    ProvisionOnDemandResult result =
        client.provisionOnDemand(
            SP_ID, JOB_ID, "ea807875-5618-4f0a-9125-0b46a05298ca", "9bb0f679-a883-4a6f-8260-35b491b8b8c8", "User");

    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/jobs/" + JOB_ID + "/provisionOnDemand");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(body(request)).isEqualTo(json(resource("graph-provisionOnDemand.request.json")));

    // The documented example: every step Success except the export, Skipped because both sides already match.
    assertThat(result.succeeded()).isTrue();
    assertThat(result.status()).isEqualTo("Skipped");
    assertThat(result.steps()).extracting(ProvisioningStep::status)
        .containsExactly("Success", "Success", "Success", "Skipped");
    assertThat(result.steps().get(3).type()).isEqualTo("Export");
    assertThat(result.steps().get(3).detail("skipreason")).isEqualTo("RedundantExport");
    assertThat(result.reportableIdentifier()).isEqualTo("BillBob@contoso.com");
    assertThat(result.failedStep()).isNull();
    assertThat(result.errorCode()).isNull();
  }

  @Test
  void readsTheGroupResponseWhoseValueHoldsNoSteps() {
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-provisionOnDemand-group.response.json")));

    ProvisionOnDemandResult result = client.provisionOnDemand(SP_ID, JOB_ID, "rule#V2", "group-id", "Group");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.status()).isEqualTo("Success");
    assertThat(result.steps()).isEmpty();
  }

  @Test
  void aFailingStepMakesTheResultAFailureWithTheStepErrorCodeAndReason() {
    enqueueToken();
    server.enqueue(jsonResponse(200, GraphPayloads.failingProvisionOnDemand()));

    ProvisionOnDemandResult result = client.provisionOnDemand(SP_ID, JOB_ID, "rule", "user-id", "User");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEqualTo("Failure");
    assertThat(result.failedStep()).isEqualTo("EntryExportAdd");
    assertThat(result.failedStepDescription()).isEqualTo("Failed to create User 'probe@contoso.com' in customappsso");
    assertThat(result.errorCode()).isEqualTo("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
    assertThat(result.reason()).contains("401 Unauthorized (invalid credentials)");
    assertThat(result.reportableIdentifier()).isEqualTo("probe@contoso.com");
    assertThat(result.summary())
        .startsWith("step EntryExportAdd failed for probe@contoso.com: Failed to create User")
        .contains("error SystemForCrossDomainIdentityManagementCredentialValidationUnavailable: We are unable");
  }

  @Test
  void anOverallFailureWithoutStepsIsStillAFailure() {
    // Tolerant reading: key.result Failure with an empty value must not pass for success.
    ProvisionOnDemandResult result =
        ProvisionOnDemandResult.parse(
            json("{\"key\":\"{\\\"result\\\":\\\"Failure\\\",\\\"details\\\":{\\\"errorCode\\\":\\\"SystemForCrossDomainIdentityManagementUnauthorized\\\",\\\"errorMessage\\\":\\\"invalid credentials\\\"}}\",\"value\":\"{}\"}"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEqualTo("Failure");
    assertThat(result.errorCode()).isEqualTo("SystemForCrossDomainIdentityManagementUnauthorized");
    assertThat(result.reason()).isEqualTo("invalid credentials");
    assertThat(result.summary()).isEqualTo(
        "provision on demand failed; error SystemForCrossDomainIdentityManagementUnauthorized: invalid credentials");
  }

  @Test
  void warningStepsDoNotFailTheResult() {
    ProvisionOnDemandResult result =
        ProvisionOnDemandResult.parse(
            json("{\"key\":\"{}\",\"value\":[{\"name\":\"EntryExportUpdate\",\"status\":\"Warning\"},{\"name\":\"x\",\"status\":\"Success\"}]}"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.steps()).hasSize(2);
  }
}
