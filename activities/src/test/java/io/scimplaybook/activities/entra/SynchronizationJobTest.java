package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class SynchronizationJobTest extends GraphServerTest {

  @Test
  void readsTheDocumentedJob() throws Exception {
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    SynchronizationJobStatus job = client.getJob(SP_ID, JOB_ID);

    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/jobs/" + JOB_ID);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);

    assertThat(job.code()).isEqualTo("Paused");
    assertThat(job.lastExecutionState()).isNull();
    assertThat(job.quarantineReason()).as("published as an empty string").isNull();
    assertThat(job.quarantineErrorCode()).isEqualTo("SalesforceInvalidCredentials");
    assertThat(job.quarantineErrorMessage()).startsWith("Your Salesforce.com credentials are invalid.");
    assertThat(job.quarantineSeriesCount()).isEqualTo(2);
    assertThat(job.countSuccessiveCompleteFailures()).isZero();
    assertThat(job.quarantined()).isTrue();
  }

  @Test
  void summarisesQuarantineAndLastExecution() {
    enqueueToken();
    server.enqueue(jsonResponse(200, GraphPayloads.quarantinedJob()));

    SynchronizationJobStatus job = client.getJob(SP_ID, JOB_ID);

    assertThat(job.lastExecutionState()).isEqualTo("Failed");
    assertThat(job.lastExecutionErrorCode()).isEqualTo("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable");
    assertThat(job.countSuccessiveCompleteFailures()).isEqualTo(3);
    assertThat(job.summary())
        .isEqualTo(
            "job Quarantine; quarantined (series 4): EncounteredQuarantineException: "
                + "SystemForCrossDomainIdentityManagementUnauthorized: 401 Unauthorized; "
                + "last execution Failed: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable: "
                + "The credentials were rejected; 3 successive complete failures");
  }
}
