package io.scimplaybook.activities.entra;

import static io.scimplaybook.activities.entra.GraphPayloads.jsonResponse;
import static io.scimplaybook.activities.entra.GraphPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.idp.IdpActivitiesImpl;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntraIdpPortTest extends GraphServerTest {
  static final String RULE_ID = "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8";
  static final String PROBE_ID = "9bb0f679-a883-4a6f-8260-35b491b8b8c8";
  static final SourceProfile SOURCE =
      new SourceProfile(
          "4711", "90210", Idp.ENTRA_ID, "Contoso Entra", null,
          new EntraTarget(SP_ID, JOB_ID, RULE_ID, PROBE_ID, "probe@contoso.com"));
  static final AuditQuery QUERY =
      new AuditQuery("4711", "90210", Instant.parse("2025-05-01T08:00:00Z"), Instant.parse("2025-05-01T10:00:00Z"));

  IdpActivities activities;

  @BeforeEach
  void createActivities() {
    activities = new IdpActivitiesImpl(List.of(new EntraIdpPort(client)));
  }

  @Test
  void aSuccessfulProvisionReportsTheProbeUser() throws Exception {
    enqueueToken();
    server.enqueue(jsonResponse(200, resource("graph-provisionOnDemand.response.json")));

    ProvisionResult result = activities.provisionOnDemand(SOURCE);

    assertThat(result).isEqualTo(new ProvisionResult(true, "probe@contoso.com", "Skipped", ""));
    takeTokenRequest();
    RecordedRequest request = take();
    assertThat(request.getRequestUrl().encodedPath()).endsWith("/jobs/" + JOB_ID + "/provisionOnDemand");
    var sent = GraphPayloads.body(request);
    assertThat(sent.at("/parameters/0/ruleId").asText()).isEqualTo(RULE_ID);
    assertThat(sent.at("/parameters/0/subjects/0/objectId").asText()).isEqualTo(PROBE_ID);
    assertThat(sent.at("/parameters/0/subjects/0/objectTypeName").asText()).isEqualTo("User");
    assertThat(server.getRequestCount()).as("no job read after a success").isEqualTo(2);
  }

  @Test
  void aFailedProvisionAddsTheJobsQuarantineAndLastRun() throws Exception {
    enqueueToken();
    server.enqueue(jsonResponse(200, GraphPayloads.failingProvisionOnDemand()));
    server.enqueue(jsonResponse(200, GraphPayloads.quarantinedJob()));

    ProvisionResult result = activities.provisionOnDemand(SOURCE);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.subject()).isEqualTo("probe@contoso.com");
    assertThat(result.status()).isEqualTo("Failure");
    assertThat(result.reason())
        .contains("step EntryExportAdd failed")
        .contains("SystemForCrossDomainIdentityManagementCredentialValidationUnavailable")
        .contains("job Quarantine; quarantined (series 4)")
        .contains("last execution Failed");
    takeTokenRequest();
    take();
    RecordedRequest jobRead = take();
    assertThat(jobRead.getMethod()).isEqualTo("GET");
    assertThat(jobRead.getRequestUrl().encodedPath()).endsWith("/synchronization/jobs/" + JOB_ID);
  }

  @Test
  void aJobThatCannotBeReadDoesNotHideTheProvisioningFailure() {
    enqueueToken();
    server.enqueue(jsonResponse(200, GraphPayloads.failingProvisionOnDemand()));
    server.enqueue(jsonResponse(503, "{}"));

    ProvisionResult result = activities.provisionOnDemand(SOURCE);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.reason()).contains("step EntryExportAdd failed", "job status unavailable", "503");
  }

  @Test
  void graphRefusingOurTokenIsANonRetryableAuthenticationFailure() {
    enqueueToken();
    server.enqueue(jsonResponse(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired.\"}}"));

    ApplicationFailure failure = catchThrowableOfType(() -> activities.provisionOnDemand(SOURCE), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.AUTHENTICATION);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("InvalidAuthenticationToken").doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void throttlingIsRetryableAfterGraphsDelay() {
    enqueueToken();
    server.enqueue(jsonResponse(429, resource("graph-error-429.response.json")).setHeader("Retry-After", "2.128"));

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.findIdpChanges(SOURCE, QUERY), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.RATE_LIMITED);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofMillis(2128));
  }

  @Test
  void aSourceWithoutEntraIsAConfigurationError() {
    SourceProfile okta = new SourceProfile("4711", "90210", Idp.OKTA, "Okta", null, null);

    ApplicationFailure failure = catchThrowableOfType(() -> activities.provisionOnDemand(okta), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void findIdpChangesKeepsEntriesAboutTheServicePrincipalInTheWindow() throws Exception {
    ArrayNode value = Json.mapper().createArrayNode();
    // targets the service principal directly
    modify(audit(value, "2025-05-01T09:10:00Z", "ApplicationManagement", "Update service principal", "Update", SP_ID, "Cato SCIM"),
        "AccountEnabled", "[true]", "[false]");
    // provisioning entry that names the job only in a modified property
    modify(audit(value, "2025-05-01T09:20:00Z", "ProvisioningManagement", "Update synchronization job", "Update", "other-id", "Sync"),
        "JobId", null, JOB_ID);
    // someone else's app
    audit(value, "2025-05-01T09:30:00Z", "ApplicationManagement", "Update application", "Update", "not-ours", "HR app");
    // a user change that happens to be in the window
    audit(value, "2025-05-01T09:40:00Z", "UserManagement", "Update user", "Update", "user-id", "Bob");
    // ours, but outside the window (Graph should have filtered it; the activity checks again)
    audit(value, "2025-05-01T07:00:00Z", "ApplicationManagement", "Update service principal", "Update", SP_ID, "Cato SCIM");
    ObjectNode page = Json.mapper().createObjectNode();
    page.set("value", value);
    enqueueToken();
    server.enqueue(jsonResponse(200, page.toString()));

    ConfigChanges changes = activities.findIdpChanges(SOURCE, QUERY);

    takeTokenRequest();
    assertThat(take().getRequestUrl().queryParameter("$filter"))
        .isEqualTo("activityDateTime ge 2025-05-01T08:00:00Z and activityDateTime le 2025-05-01T10:00:00Z");
    assertThat(changes.changes()).hasSize(2);
    assertThat(changes.changes().get(0))
        .isEqualTo(
            new ConfigChange(
                "Entra directory audit",
                Instant.parse("2025-05-01T09:10:00Z"),
                "admin@contoso.com",
                "Update",
                "ServicePrincipal",
                "Cato SCIM",
                "Update service principal (ApplicationManagement, success): AccountEnabled \"[true]\" -> \"[false]\""));
    assertThat(changes.changes().get(1).description()).startsWith("Update synchronization job (ProvisioningManagement");
  }

  @Test
  void findProvisioningFailuresKeepsThisServicePrincipalsFailuresAndUnattributedOnes() throws Exception {
    ArrayNode value = Json.mapper().createArrayNode();
    provisioning(value, "2025-05-01T09:00:00Z", "failure", SP_ID, "alice@contoso.com", "SystemForCrossDomainIdentityManagementUnauthorized");
    provisioning(value, "2025-05-01T09:01:00Z", "failure", "another-sp", "bob@contoso.com", "OtherAppError");
    provisioning(value, "2025-05-01T09:02:00Z", "failure", null, "carol@contoso.com", "SystemForCrossDomainIdentityManagementServiceUnavailable");
    provisioning(value, "2025-05-01T09:03:00Z", "success", SP_ID, "dave@contoso.com", null);
    ObjectNode page = Json.mapper().createObjectNode();
    page.set("value", value);
    enqueueToken();
    server.enqueue(jsonResponse(200, page.toString()));

    ProvisioningLog log = activities.findProvisioningFailures(SOURCE, QUERY);

    takeTokenRequest();
    assertThat(take().getRequestUrl().queryParameter("$filter"))
        .isEqualTo("activityDateTime ge 2025-05-01T08:00:00Z and activityDateTime le 2025-05-01T10:00:00Z"
            + " and provisioningStatusInfo/status eq 'failure'");
    assertThat(log.entries())
        .containsExactly(
            new ProvisioningLogEntry(
                Instant.parse("2025-05-01T09:00:00Z"), "failure",
                "SystemForCrossDomainIdentityManagementUnauthorized", "reason of alice@contoso.com", "alice@contoso.com",
                "log-alice@contoso.com"),
            new ProvisioningLogEntry(
                Instant.parse("2025-05-01T09:02:00Z"), "failure",
                "SystemForCrossDomainIdentityManagementServiceUnavailable", "reason of carol@contoso.com", "carol@contoso.com",
                "log-carol@contoso.com"));
  }

  private static ObjectNode audit(
      ArrayNode list, String time, String category, String activity, String operation, String targetId, String targetName) {
    ObjectNode entry = list.addObject();
    entry.put("activityDateTime", time).put("category", category).put("activityDisplayName", activity)
        .put("operationType", operation).put("result", "success");
    entry.putObject("initiatedBy").putNull("app").putObject("user").put("userPrincipalName", "admin@contoso.com");
    entry.putArray("targetResources").addObject()
        .put("id", targetId).put("displayName", targetName).put("type", "ServicePrincipal").putArray("modifiedProperties");
    return entry;
  }

  private static void modify(ObjectNode audit, String property, String oldValue, String newValue) {
    ArrayNode properties = (ArrayNode) audit.get("targetResources").get(0).get("modifiedProperties");
    properties.addObject().put("displayName", property).put("oldValue", oldValue).put("newValue", newValue);
  }

  private static void provisioning(ArrayNode list, String time, String status, String spId, String target, String code) {
    ObjectNode entry = list.addObject();
    entry.put("id", "log-" + target);
    entry.put("activityDateTime", time);
    ObjectNode info = entry.putObject("provisioningStatusInfo").put("status", status);
    if (code != null) {
      info.putObject("errorInformation").put("errorCode", code).put("reason", "reason of " + target);
    }
    if (spId != null) {
      entry.putObject("servicePrincipal").put("id", spId).put("displayName", "Cato");
    }
    entry.putObject("targetIdentity").put("displayName", target);
  }

  @Test
  void supportIsEverythingForASourceWithItsFullTargetAndAsksGraphNothing() {
    IdpSupport support = new EntraIdpPort(client).support(SOURCE);

    assertThat(support.automated()).containsExactly(IdpCapability.values());
    assertThat(support.manualBecause()).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void withoutRuleAndProbeOnlyProvisionNowIsManualAndSaysWhichSettingsAreMissing() {
    SourceProfile noProbe = new SourceProfile("4711", "90210", Idp.ENTRA_ID, "Contoso Entra", null,
        new EntraTarget(SP_ID, JOB_ID, null, " ", "probe@contoso.com"));

    IdpSupport support = new EntraIdpPort(client).support(noProbe);

    assertThat(support.automated()).doesNotContain(IdpCapability.PROVISION_NOW).hasSize(IdpCapability.values().length - 1);
    assertThat(support.manualBecause()).singleElement().asString()
        .contains("provision now", "4711/90210", "rule-id and probe-object-id");
  }

  @Test
  void withoutServicePrincipalOrJobNothingIsAutomatedAndTheReasonNamesTheSettings() {
    SourceProfile noJob = new SourceProfile("4711", "90210", Idp.ENTRA_ID, "Contoso Entra", null,
        new EntraTarget(SP_ID, null, RULE_ID, PROBE_ID, "probe@contoso.com"));
    SourceProfile noTarget = new SourceProfile("4711", "90210", Idp.ENTRA_ID, "Contoso Entra", null, null);

    for (SourceProfile source : List.of(noJob, noTarget)) {
      IdpSupport support = new EntraIdpPort(client).support(source);
      assertThat(support.automated()).isEmpty();
      assertThat(support.manualBecause()).singleElement().asString()
          .contains("4711/90210", "service-principal-id and job-id");
    }
  }
}
