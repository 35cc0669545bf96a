package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.OTHER_APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.authFailure;
import static io.scimplaybook.activities.okta.OktaPayloads.catoApp;
import static io.scimplaybook.activities.okta.OktaPayloads.configUpdate;
import static io.scimplaybook.activities.okta.OktaPayloads.event;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.page;
import static io.scimplaybook.activities.okta.OktaPayloads.push;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.SourceProfile;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit review's and the recovery proof's reads: changes, failures and the newest push, from the System Log. */
class OktaLogReadsTest extends OktaServerTest {
  static final AuditQuery WINDOW =
      new AuditQuery("4711", "77", Instant.parse("2025-05-01T08:00:00Z"), Instant.parse("2025-05-01T10:00:00Z"));

  OktaIdpPort port;
  SourceProfile source;

  @BeforeEach
  void port() {
    port = new OktaPortFixture(server, clock, 1).port;
    source = OktaPortFixture.source(server);
  }

  @Test
  void aConfigurationUpdateOfTheAppIsAChangeWithActorTimeAndWhatChanged() throws Exception {
    server.enqueue(jsonResponse(200, page(
        configUpdate("2025-05-01T09:10:00.000Z", APP_ID),
        configUpdate("2025-05-01T09:20:00.000Z", OTHER_APP_ID),
        configUpdate("2025-05-01T07:00:00.000Z", APP_ID))));

    List<ConfigChange> changes = port.configChanges(source, WINDOW).changes();

    assertThat(changes).as("another app's change and one outside the window are dropped").containsExactly(new ConfigChange(
        "Okta System Log",
        Instant.parse("2025-05-01T09:10:00Z"),
        "John Doe (admin@example.com)",
        "application.configuration.update",
        "AppInstance",
        "Cato Networks SCIM (Cato Networks)",
        "Update application (SUCCESS): vpnLocationOptions \"DISABLED\" -> \"ZONE\"; vpnSettingsZones"
            + " {\"include\":null,\"exclude\":null} -> {\"include\":[\"ALL_ZONES\"],\"exclude\":null}; message (none)"
            + " -> \"You must a use VPN to connect to this application\""));
    HttpUrl url = take().getRequestUrl();
    assertThat(url.queryParameter("filter")).startsWith("(eventType eq \"application.configuration.update\" or")
        .endsWith(") and target.id eq \"" + APP_ID + "\"");
    assertThat(url.queryParameter("since")).isEqualTo("2025-05-01T08:00:00Z");
    assertThat(url.queryParameter("until")).isEqualTo("2025-05-01T10:00:00Z");
  }

  @Test
  void aLifecycleChangeWithoutChangeDetailsIsStillAChange() {
    var deactivate = event("application.lifecycle.deactivate", "2025-05-01T09:00:00.000Z", "SUCCESS", null, catoApp());
    deactivate.put("displayMessage", "Deactivate application");
    server.enqueue(jsonResponse(200, page(deactivate)));

    assertThat(port.configChanges(source, WINDOW).changes()).singleElement()
        .satisfies(c -> assertThat(c.description()).isEqualTo("Deactivate application (SUCCESS)"));
  }

  @Test
  void failuresAreIntegrationFailuresAndFailedPushesNotSuccessesNorUnknownTypes() {
    server.enqueue(jsonResponse(200, page(
        authFailure("2025-05-01T09:00:00.000Z"),
        push("2025-05-01T09:05:00.000Z", "FAILURE", "Error while updating user: 409 Conflict"),
        push("2025-05-01T09:06:00.000Z", "SUCCESS", null),
        event("application.integration.rate_limit_exceeded", "2025-05-01T09:07:00.000Z", "FAILURE", null, catoApp()),
        event("application.provision.something_new", "2025-05-01T09:08:00.000Z", "FAILURE", "?", catoApp()),
        OktaPayloads.json(resource("okta-systemLog-list.response.json")).get(0))));

    List<ProvisioningLogEntry> entries = port.provisioningFailures(source, WINDOW).entries();

    assertThat(entries).extracting(ProvisioningLogEntry::errorCode).containsExactly(
        "application.integration.authentication_failure",
        "application.provision.user.push_profile",
        "application.integration.rate_limit_exceeded");
    assertThat(entries.get(0)).satisfies(e -> {
      assertThat(e.time()).isEqualTo(Instant.parse("2025-05-01T09:00:00Z"));
      assertThat(e.status()).isEqualTo("FAILURE");
      assertThat(e.reason()).isEqualTo("Authentication failed: 401 Unauthorized");
      assertThat(e.target()).isEqualTo(APP_ID);
      assertThat(e.id()).isNotBlank();
    });
    assertThat(entries.get(1).target()).isEqualTo("Probe User (probe@example.com)");
    assertThat(entries.get(2).reason()).as("no reason: Okta's display message").isEqualTo("Integration event");
  }

  @Test
  void theLatestCycleIsTheNewestPushOutcome() throws Exception {
    server.enqueue(jsonResponse(200, page(
        push("2025-05-01T09:40:00.000Z", "FAILURE", "Authentication failed"),
        push("2025-05-01T09:00:00.000Z", "SUCCESS", null))));

    JobStatus job = port.latestCycle(source);

    assertThat(job.lastExecutionState()).isEqualTo("Failed");
    assertThat(job.lastExecutionBegan()).isEqualTo(Instant.parse("2025-05-01T09:40:00Z"));
    assertThat(job.lastExecutionError()).isEqualTo("application.provision.user.push_profile: Authentication failed");
    assertThat(job.lastSuccessBegan()).isEqualTo(Instant.parse("2025-05-01T09:00:00Z"));
    assertThat(job.quarantined()).isFalse();
    assertThat(job.failedSince(Instant.parse("2025-05-01T09:30:00Z"))).isTrue();
    HttpUrl url = take().getRequestUrl();
    assertThat(url.queryParameter("sortOrder")).isEqualTo("DESCENDING");
    assertThat(url.queryParameter("since")).isEqualTo("2025-04-30T10:00:00Z");
  }

  @Test
  void aSuccessfulPushAfterTheFixProvesTheCycleWhateverOrderOktaSentThemIn() {
    server.enqueue(jsonResponse(200, page(
        push("2025-05-01T09:00:00.000Z", "FAILURE", "Authentication failed"),
        push("2025-05-01T09:50:00.000Z", "SUCCESS", null))));

    JobStatus job = port.latestCycle(source);

    assertThat(job.lastExecutionState()).isEqualTo("Succeeded");
    assertThat(job.lastExecutionError()).isNull();
    assertThat(job.succeededSince(Instant.parse("2025-05-01T09:30:00Z"))).isTrue();
  }

  @Test
  void anAppWithNoPushInTheLookbackHasNoCycle() {
    server.enqueue(jsonResponse(200, page(OktaPayloads.json(resource("okta-systemLog-list.response.json")).get(0))));

    JobStatus job = port.latestCycle(source);

    assertThat(job.lastExecutionState()).isNull();
    assertThat(job.succeededSince(Instant.EPOCH)).isFalse();
    assertThat(job.summary()).isEqualTo("Okta System Log shows no push to app " + APP_ID + " in the last 24 h");
  }
}
