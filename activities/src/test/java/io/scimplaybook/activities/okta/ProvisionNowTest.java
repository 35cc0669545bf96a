package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.OTHER_APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.PROBE_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.PROBE_LOGIN;
import static io.scimplaybook.activities.okta.OktaPayloads.appUser;
import static io.scimplaybook.activities.okta.OktaPayloads.authFailure;
import static io.scimplaybook.activities.okta.OktaPayloads.event;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.page;
import static io.scimplaybook.activities.okta.OktaPayloads.probeUser;
import static io.scimplaybook.activities.okta.OktaPayloads.push;
import static io.scimplaybook.activities.okta.OktaPayloads.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.input.OktaTarget;
import io.temporal.failure.ApplicationFailure;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provision now on Okta: the probe user's own profile is posted back, then the System Log and the app user are
 * followed, bounded, until the push shows an outcome. The log decides where it has one.
 */
class ProvisionNowTest extends OktaServerTest {
  static final String SYNCED_NOW = "2025-05-01T10:00:01.000Z";

  OktaPortFixture fixture;

  @BeforeEach
  void port() {
    fixture = new OktaPortFixture(server, clock, 5);
  }

  private void pushAccepted() {
    server.enqueue(jsonResponse(200, appUser("SYNCHRONIZED", "2025-04-30T10:00:00.000Z")));
    server.enqueue(jsonResponse(200, appUser("OUT_OF_SYNC", null)));
  }

  private void look(String logPage, String appUser) {
    server.enqueue(jsonResponse(200, logPage));
    if (appUser != null) {
      server.enqueue(jsonResponse(200, appUser));
    }
  }

  private ProvisionResult provision() {
    return fixture.port.provisionNow(OktaPortFixture.source(server));
  }

  @Test
  void postsTheUsersOwnProfileBackAndASuccessfulPushInTheLogProvesIt() throws Exception {
    pushAccepted();
    look("[]", appUser("SYNCING", null));
    look(page(push("2025-05-01T10:00:02.000Z", "SUCCESS", null)), null);

    ProvisionResult result = provision();

    assertThat(result).isEqualTo(new ProvisionResult(true, PROBE_LOGIN, "SUCCESS application.provision.user.push_profile", ""));
    RecordedRequest read = take();
    assertThat(read.getMethod()).isEqualTo("GET");
    assertThat(read.getPath()).isEqualTo("/api/v1/apps/" + APP_ID + "/users/" + PROBE_ID);
    RecordedRequest push = take();
    assertThat(push.getMethod()).isEqualTo("POST");
    assertThat(push.getPath()).isEqualTo("/api/v1/apps/" + APP_ID + "/users/" + PROBE_ID);
    JsonNode body = OktaPayloads.body(push);
    assertThat(body.fieldNames()).toIterable().containsExactly("profile");
    assertThat(body.get("profile")).isEqualTo(OktaPayloads.json(appUser("SYNCHRONIZED", null)).get("profile"));
    RecordedRequest log = take();
    assertThat(log.getRequestUrl().queryParameter("since")).as("our clock less the skew allowance")
        .isEqualTo("2025-05-01T09:59:30Z");
    assertThat(fixture.pauses).hasSize(2);
  }

  @Test
  void aFailedPushInTheLogDecidesThoughTheAppUserSaysSynchronized() {
    pushAccepted();
    look("[]", appUser("SYNCHRONIZED", SYNCED_NOW));
    look(page(push("2025-05-01T10:00:02.000Z", "FAILURE", "Error while updating user: 409 Conflict")), null);

    ProvisionResult result = provision();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEqualTo("FAILURE application.provision.user.push_profile");
    assertThat(result.reason()).startsWith("Error while updating user: 409 Conflict (")
        .endsWith("; app user syncState SYNCHRONIZED, lastSync 2025-05-01T10:00:01Z");
  }

  @Test
  void anAuthenticationFailureOfTheIntegrationMeanwhileFailsTheProvisioning() {
    pushAccepted();
    look(page(authFailure("2025-05-01T10:00:02.000Z")), null);

    ProvisionResult result = provision();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEqualTo("FAILURE application.integration.authentication_failure");
    assertThat(result.reason()).startsWith("Authentication failed: 401 Unauthorized");
  }

  @Test
  void aPushOfTheSameUserToAnotherAppIsNotOurs() {
    pushAccepted();
    look(page(event("application.provision.user.push_profile", "2025-05-01T10:00:02.000Z", "FAILURE", "other app",
        target(OTHER_APP_ID, "AppInstance", "Other", "Other"), probeUser())), appUser("SYNCING", null));
    look(page(push("2025-05-01T10:00:03.000Z", "SUCCESS", null)), null);

    assertThat(provision().succeeded()).isTrue();
  }

  @Test
  void withoutALogOutcomeASettledSyncStateDecidesAfterAFewMoreLooks() {
    pushAccepted();
    for (int i = 0; i < 3; i++) {
      look("[]", appUser("SYNCHRONIZED", SYNCED_NOW));
    }

    ProvisionResult result = provision();

    assertThat(result).isEqualTo(new ProvisionResult(true, PROBE_LOGIN, "SYNCHRONIZED", ""));
    assertThat(fixture.pauses).as("the settled state, then two more looks at the log").hasSize(3);
    assertThat(server.getRequestCount()).isEqualTo(8);
  }

  @Test
  void aSynchronizedStateWithoutALastSyncProvesNothing() {
    pushAccepted();
    for (int i = 0; i < 5; i++) {
      look("[]", appUser("SYNCHRONIZED", null));
    }

    ProvisionResult result = provision();

    assertThat(result.status()).isEqualTo("NoOutcome");
    assertThat(fixture.pauses).hasSize(5);
  }

  @Test
  void aSyncStateOfErrorWithoutALogOutcomeIsAFailure() {
    pushAccepted();
    for (int i = 0; i < 3; i++) {
      look("[]", appUser("ERROR", null));
    }

    ProvisionResult result = provision();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEqualTo("ERROR");
    assertThat(result.reason()).contains("syncState ERROR");
  }

  @Test
  void nothingWithinTheBoundIsAFailureThatSaysWhatToCheck() {
    pushAccepted();
    for (int i = 0; i < 5; i++) {
      look("[]", appUser("OUT_OF_SYNC", null));
    }

    ProvisionResult result = provision();

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEqualTo("NoOutcome");
    assertThat(result.reason()).contains("within 20 s", "syncState OUT_OF_SYNC", "Update User Attributes");
    assertThat(fixture.pauses).hasSize(5).allMatch(OktaPortFixture.INTERVAL::equals);
    assertThat(server.getRequestCount()).isEqualTo(12);
  }

  @Test
  void aProbeUserNotAssignedToTheAppEndsTheStepAsNotFound() {
    server.enqueue(jsonResponse(404, "{\"errorCode\":\"E0000007\",\"errorSummary\":\"Not found: Resource not found: "
        + PROBE_ID + " (AppUser)\",\"errorLink\":\"E0000007\",\"errorId\":\"oae1\",\"errorCauses\":[]}"));

    ApplicationFailure failure = catchThrowableOfType(this::provision, ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.NOT_FOUND);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("E0000007", PROBE_ID);
  }

  @Test
  void aSourceWithoutAProbeUserIsAConfigurationError() {
    ApplicationFailure failure = catchThrowableOfType(() -> fixture.port.provisionNow(OktaPortFixture.source(
        new OktaTarget(OktaPayloads.orgUrl(server), APP_ID, null, null))), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(server.getRequestCount()).isZero();
  }
}
