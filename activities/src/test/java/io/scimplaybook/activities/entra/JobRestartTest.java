package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.idp.IdpActivitiesImpl;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job status the recovery proof reads, and the restart that lets a quarantined job run on schedule again. */
class JobRestartTest extends GraphServerTest {
  static final SourceProfile SOURCE = new SourceProfile("4711", "90210", Idp.ENTRA_ID, "Contoso Entra", null,
      new EntraTarget(SP_ID, JOB_ID, "rule", "probe", "probe@contoso.com"));

  IdpActivities activities;

  @BeforeEach
  void createActivities() {
    activities = new IdpActivitiesImpl(List.of(new EntraIdpPort(client)));
  }

  @Test
  void restartPostsTheDocumentedCriteria() throws Exception {
    enqueueToken();
    server.enqueue(new MockResponse().setResponseCode(204));

    activities.restartJob(SOURCE);

    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/jobs/" + JOB_ID + "/restart");
    assertThat(GraphPayloads.body(request)).isEqualTo(GraphPayloads.json(resource("graph-restart.request.json")));
  }

  @Test
  void jobStatusOfTheDocumentedJobIsQuarantinedWithItsSeriesCount() {
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-synchronizationJob-get.response.json")));

    JobStatus status = activities.jobStatus(SOURCE);

    assertThat(status.code()).isEqualTo("Paused");
    assertThat(status.quarantined()).isTrue();
    assertThat(status.quarantineReason()).isEqualTo("SalesforceInvalidCredentials");
    assertThat(status.quarantineSeriesCount()).isEqualTo(2);
    assertThat(status.lastExecutionBegan()).isNull();
    assertThat(status.succeededSince(Instant.EPOCH)).isFalse();
  }

  @Test
  void jobStatusTellsWhetherAScheduledCycleSucceededAfterTheFix() {
    enqueueToken();
    server.enqueue(jsonResponse(200, GraphPayloads.quarantinedJob()));

    JobStatus status = activities.jobStatus(SOURCE);

    assertThat(status.lastExecutionBegan()).isEqualTo(Instant.parse("2025-05-01T10:00:00Z"));
    assertThat(status.lastExecutionError()).startsWith("SystemForCrossDomainIdentityManagementCredentialValidation");
    assertThat(status.failedSince(Instant.parse("2025-05-01T09:00:00Z"))).isTrue();
    assertThat(status.succeededSince(Instant.parse("2025-05-01T09:00:00Z"))).isFalse();
    assertThat(status.failedSince(Instant.parse("2025-05-01T11:00:00Z"))).as("before the fix").isFalse();
  }

  @Test
  void aThrottledRestartCarriesRetryAfterToTemporal() {
    enqueueToken();
    server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")).setHeader("Retry-After", "7"));

    ApplicationFailure f = catchThrowableOfType(() -> activities.restartJob(SOURCE), ApplicationFailure.class);

    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aThrottledJobReadWithoutRetryAfterLeavesTheBackoffToTemporal() {
    enqueueToken();
    server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")));

    ApplicationFailure f = catchThrowableOfType(() -> activities.jobStatus(SOURCE), ApplicationFailure.class);

    assertThat(f.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isNull();
  }

  @Test
  void a401OnRestartIsNotRetried() {
    enqueueToken();
    server.enqueue(jsonResponse(401,
        "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation failure.\"}}"));

    ApplicationFailure f = catchThrowableOfType(() -> activities.restartJob(SOURCE), ApplicationFailure.class);

    assertThat(f.getType()).isEqualTo(FailureTypes.AUTHENTICATION);
    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getOriginalMessage()).doesNotContain(ACCESS_TOKEN, GraphPayloads.CLIENT_SECRET);
    assertThat(server.getRequestCount()).as("token + one restart, no second try").isEqualTo(2);
  }
}
