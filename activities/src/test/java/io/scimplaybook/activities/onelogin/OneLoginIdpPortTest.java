package io.scimplaybook.activities.onelogin;

import static io.scimplaybook.activities.onelogin.OneLoginPayloads.APP_ID;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.event;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.events;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.json;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.page;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.token;
import static io.scimplaybook.activities.onelogin.OneLoginPayloads.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OneLoginIdpPortTest extends OneLoginServerTest {
  static final AuditQuery WINDOW =
      new AuditQuery("4711", "90210", Instant.parse("2025-05-01T08:00:00Z"), Instant.parse("2025-05-01T10:00:00Z"));
  static final Instant CLAIMED = Instant.parse("2025-05-01T09:00:00Z");

  private OneLoginIdpPort port;
  private SourceProfile source;

  @BeforeEach
  void port() {
    port = new OneLoginIdpPort(List.of(settings()), OneLoginEventRules.defaults(), Duration.ofHours(24), clock,
        account -> client);
    source = source(new OneLoginTarget(url() + "/", APP_ID, "4711", "jane@example.com"));
  }

  static SourceProfile source(OneLoginTarget target) {
    return new SourceProfile("4711", "90210", Idp.ONELOGIN, "Acme OneLogin", null, null, null, null, target, null, null);
  }

  @Test
  void automatesTheEventReadsAndSaysWhyTheRestIsManual() {
    IdpSupport support = port.support(source);

    assertThat(port.idp()).isEqualTo(Idp.ONELOGIN);
    assertThat(support.automated()).containsExactly(IdpCapability.READ_CONFIG_CHANGES,
        IdpCapability.READ_PROVISIONING_FAILURES, IdpCapability.READ_SCHEDULED_CYCLE);
    assertThat(support.manualBecause()).hasSize(4).anySatisfy(line -> assertThat(line).startsWith("provision now:"))
        .anySatisfy(line -> assertThat(line).startsWith("token test:"))
        .anySatisfy(line -> assertThat(line).startsWith("token save:"))
        .anySatisfy(line -> assertThat(line).startsWith("job restart:"));
    assertThat(server.getRequestCount()).as("support is decided from configuration").isZero();
  }

  @Test
  void withoutCredentialsOrTargetEverythingIsManualWithTheReason() {
    OneLoginIdpPort noAccounts = new OneLoginIdpPort(List.of());
    IdpSupport unconfigured = noAccounts.support(source);
    assertThat(unconfigured.automated()).isEmpty();
    assertThat(unconfigured.manualBecause()).hasSize(7)
        .anySatisfy(line -> assertThat(line).startsWith("config changes: this worker has no OneLogin API credentials for"));

    OneLoginIdpPort noSecret = new OneLoginIdpPort(List.of(new OneLoginSettings(url(), "id", " ", null)));
    assertThat(noSecret.support(source).manualBecause())
        .anySatisfy(line -> assertThat(line).contains("lacks a client id or secret"));

    IdpSupport noTarget = port.support(source(null));
    assertThat(noTarget.automated()).isEmpty();
    assertThat(noTarget.manualBecause()).anySatisfy(line -> assertThat(line).contains("names no OneLogin account and app"));

    ApplicationFailure failure =
        catchThrowableOfType(() -> noAccounts.configChanges(source, WINDOW), ApplicationFailure.class);
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(failure.isNonRetryable()).isTrue();
  }

  @Test
  void configChangesAreTheAppsChangeEventsWithActorTimeAndDescription() throws Exception {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(page("events-page1.response.json"));
    server.enqueue(page("events-page2.response.json"));

    List<ConfigChange> changes = port.configChanges(source, WINDOW).changes();

    assertThat(changes).containsExactly(new ConfigChange("OneLogin events", Instant.parse("2025-05-01T08:30:15.990Z"),
        "Ada Admin", "APP_ADDED_TO_ROLE", "App", "Cato Networks SCIM", "App Cato Networks SCIM added to role Sales"));
    take();
    take();
    HttpUrl asked = take().getRequestUrl();
    assertThat(asked.queryParameter("event_type_id")).as("the change types resolved by name").isEqualTo("1,2");
    assertThat(asked.queryParameter("since")).isEqualTo("2025-05-01T08:00:00.000Z");
    assertThat(asked.queryParameter("until")).isEqualTo("2025-05-01T10:00:00.000Z");
  }

  @Test
  void provisioningFailuresAreTheAppsFailureEventsOnly() throws Exception {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(page("events-page1.response.json"));
    server.enqueue(page("events-page2.response.json"));

    List<ProvisioningLogEntry> entries = port.provisioningFailures(source, WINDOW).entries();

    // Page 2's failure is another app's (111111) and is left out.
    assertThat(entries).containsExactly(new ProvisioningLogEntry(Instant.parse("2025-05-01T08:40:00Z"), "failure",
        "USER_CREATION_FAILED_IN_APP", "401 Unauthorized: invalid bearer token", "Jane Doe (4711)", "999999998"));
    take();
    take();
    assertThat(take().getRequestUrl().queryParameter("event_type_id")).isEqualTo("25,64,65");
  }

  @Test
  void latestCycleIsTheNewestOutcomeForTheApp() {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(page("events-page1.response.json"));
    server.enqueue(page("events-page2.response.json"));

    JobStatus cycle = port.latestCycle(source);

    assertThat(cycle.lastExecutionState()).isEqualTo("Succeeded");
    assertThat(cycle.lastExecutionBegan()).isEqualTo(Instant.parse("2025-05-01T08:50:00Z"));
    assertThat(cycle.lastSuccessBegan()).isEqualTo(Instant.parse("2025-05-01T08:50:00Z"));
    assertThat(cycle.lastExecutionError()).isNull();
    assertThat(cycle.quarantined()).isFalse();
    assertThat(cycle.summary()).contains("USER_CREATED_IN_APP").contains("Jane Doe (4711)");
    assertThat(cycle.succeededSince(Instant.parse("2025-05-01T08:45:00Z"))).isTrue();
    assertThat(cycle.failedSince(Instant.parse("2025-05-01T08:45:00Z"))).isFalse();
  }

  @Test
  void latestCycleFailedWhenTheNewestOutcomeIsAFailure() throws Exception {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(events(event(3, "2025-05-01T09:40:00Z", 65, APP_ID, "4711", "401 Unauthorized"),
        event(2, "2025-05-01T09:10:00Z", 51, APP_ID, "4711", null)));

    JobStatus cycle = port.latestCycle(source);

    assertThat(cycle.lastExecutionState()).isEqualTo("Failed");
    assertThat(cycle.lastExecutionBegan()).isEqualTo(Instant.parse("2025-05-01T09:40:00Z"));
    assertThat(cycle.lastExecutionError()).isEqualTo("USER_UPDATE_FAILED_IN_APP: 401 Unauthorized");
    assertThat(cycle.lastSuccessBegan()).isEqualTo(Instant.parse("2025-05-01T09:10:00Z"));
    assertThat(cycle.failedSince(Instant.parse("2025-05-01T09:30:00Z"))).isTrue();
    take();
    take();
    assertThat(take().getRequestUrl().queryParameter("since")).as("the lookback").isEqualTo("2025-04-30T10:00:00.000Z");
  }

  @Test
  void latestCycleWithNothingToReadSaysSo() {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(events());

    JobStatus cycle = port.latestCycle(source);

    assertThat(cycle.lastExecutionState()).isNull();
    assertThat(cycle.succeededSince(Instant.EPOCH)).isFalse();
    assertThat(cycle.summary()).isEqualTo("OneLogin: no provisioning outcome for app 654321 in the last 24 h");
  }

  @Test
  void aClaimIsContradictedByAFailureForTheAppAfterIt() {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(events(event(7, "2025-05-01T09:05:00Z", 64, APP_ID, "4711", "401 Unauthorized: invalid token")));

    ClaimCheck check = port.checkClaim(source, ManualClaim.TOKEN_INSTALLED, CLAIMED);

    assertThat(check.verdict()).isEqualTo(ClaimVerdict.CONTRADICTED);
    assertThat(check.claim()).isEqualTo(ManualClaim.TOKEN_INSTALLED);
    assertThat(check.evidence()).containsExactly("OneLogin shows it failed: 2025-05-01T09:05:00Z"
        + " USER_CREATION_FAILED_IN_APP user4711@example.com (4711): 401 Unauthorized: invalid token [event 7]");
  }

  @Test
  void aProvisionedClaimHoldsOnTheProbeUsersSuccessAfterAnEarlierFailure() throws Exception {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(events(event(9, "2025-05-01T09:20:00Z", 51, APP_ID, "4711", null),
        event(8, "2025-05-01T09:10:00Z", 64, APP_ID, "4711", "timeout")));

    ClaimCheck check = port.checkClaim(source, ManualClaim.PROVISIONED, CLAIMED);

    assertThat(check.verdict()).isEqualTo(ClaimVerdict.HELD);
    assertThat(check.evidence()).hasSize(2);
    assertThat(check.evidence().get(0)).startsWith("OneLogin shows it worked: 2025-05-01T09:20:00Z USER_CREATED_IN_APP");
    assertThat(check.evidence().get(1)).startsWith("earlier: 2025-05-01T09:10:00Z USER_CREATION_FAILED_IN_APP");
    take();
    take();
    HttpUrl asked = take().getRequestUrl();
    assertThat(asked.queryParameter("since")).isEqualTo("2025-05-01T09:00:00.000Z");
    assertThat(asked.queryParameter("until")).isNull();
  }

  @Test
  void anotherUsersSuccessDoesNotProveTheProbeUserWasProvisionedButShowsATokenWorks() {
    String othersSuccess = event(9, "2025-05-01T09:20:00Z", 51, APP_ID, "5150", null);
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(events(othersSuccess));
    server.enqueue(events(othersSuccess));

    ClaimCheck provisioned = port.checkClaim(source, ManualClaim.PROVISIONED, CLAIMED);
    ClaimCheck token = port.checkClaim(source, ManualClaim.TOKEN_INSTALLED, CLAIMED);

    assertThat(provisioned.verdict()).isEqualTo(ClaimVerdict.UNVERIFIED);
    assertThat(provisioned.evidence()).containsExactly("OneLogin shows no provisioning outcome for app 654321 (the probe"
        + " user jane@example.com (4711) or any failure) since 2025-05-01T09:00:00Z");
    assertThat(token.verdict()).isEqualTo(ClaimVerdict.HELD);
  }

  @Test
  void otherAppsAndUnknownTypesNeverDecideAClaim() {
    server.enqueue(token());
    server.enqueue(types());
    server.enqueue(events(event(1, "2025-05-01T09:20:00Z", 64, "111111", "4711", "other app"),
        event(2, "2025-05-01T09:21:00Z", 9999, APP_ID, "4711", "a type nobody classified")));

    ClaimCheck check = port.checkClaim(source, ManualClaim.SCHEDULED_SYNC_SUCCEEDED, CLAIMED);

    assertThat(check.verdict()).isEqualTo(ClaimVerdict.UNVERIFIED);
  }

  @Test
  void aClaimForASourceThisWorkerCannotReadIsUnverifiedWithoutACall() {
    ClaimCheck check = new OneLoginIdpPort(List.of()).checkClaim(source, ManualClaim.PROVISIONED, CLAIMED);

    assertThat(check.verdict()).isEqualTo(ClaimVerdict.UNVERIFIED);
    assertThat(check.evidence().get(0)).startsWith("OneLogin not checked: this worker has no OneLogin API credentials");
  }

  @Test
  void anAccountWhoseTypesMatchNoRuleIsAConfigurationErrorNotAnEmptyAnswer() {
    server.enqueue(token());
    server.enqueue(json(200, "{\"status\":{\"error\":false},\"data\":[{\"name\":\"USER_LOGGED_INTO_ONELOGIN\","
        + "\"description\":\"%user% logged into OneLogin\",\"id\":5}]}"));

    ApplicationFailure failure = catchThrowableOfType(() -> port.provisioningFailures(source, WINDOW), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(failure.getOriginalMessage()).contains("provisioning failure rule");
    assertThat(server.getRequestCount()).as("no events read that could be mistaken for none").isEqualTo(2);
  }

  @Test
  void aClaimCheckOnAnAccountWhoseTypesMatchNoRuleIsUnverifiedWithTheReason() {
    server.enqueue(token());
    server.enqueue(json(200, "{\"status\":{\"error\":false},\"data\":[{\"name\":\"USER_LOGGED_INTO_ONELOGIN\",\"id\":5}]}"));

    ClaimCheck check = port.checkClaim(source, ManualClaim.PROVISIONED, CLAIMED);

    assertThat(check.verdict()).isEqualTo(ClaimVerdict.UNVERIFIED);
    assertThat(check.evidence().get(0)).startsWith("OneLogin not checked: ").contains("provisioning failure rule");
  }

  @Test
  void anAccountUrlThatIsNotAUrlMakesTheReadsManual() {
    OneLoginIdpPort broken = new OneLoginIdpPort(List.of(new OneLoginSettings("not a url", "id", "secret", null)));

    IdpSupport support = broken.support(source(new OneLoginTarget("not a url", APP_ID, "4711", null)));

    assertThat(support.automated()).isEmpty();
    assertThat(support.manualBecause()).anySatisfy(line -> assertThat(line).contains("is not an http(s) URL"));
  }

  @Test
  void theDefaultRulesSortTheDocumentedAndAssumedTypeNames() {
    OneLoginEventCatalog catalog = OneLoginEventCatalog.from(List.of(
        new OneLoginEventType(1, "APP_ADDED_TO_ROLE", null), new OneLoginEventType(2, "APP_REMOVED_FROM_ROLE", null),
        new OneLoginEventType(3, "USER_ASSUMED_USER", null), new OneLoginEventType(5, "USER_LOGGED_INTO_ONELOGIN", null),
        new OneLoginEventType(8, "USER_LOGGED_INTO_APP", null), new OneLoginEventType(25, "PROVISIONING_EXCEPTION", null),
        new OneLoginEventType(26, "PROVISIONING_EVENT", null), new OneLoginEventType(51, "USER_CREATED_IN_APP", null),
        new OneLoginEventType(64, "USER_CREATION_FAILED_IN_APP", null), new OneLoginEventType(99, null, null)),
        OneLoginEventRules.defaults());

    assertThat(catalog.ids(OneLoginEventKind.PROVISIONING_FAILURE)).containsExactlyInAnyOrder(25L, 64L);
    assertThat(catalog.ids(OneLoginEventKind.PROVISIONING_SUCCESS)).containsExactly(51L);
    assertThat(catalog.ids(OneLoginEventKind.CONFIGURATION_CHANGE)).containsExactlyInAnyOrder(1L, 2L);
    assertThat(catalog.name(26L)).isEqualTo("event type 26");
  }

  @Test
  void configuredRulesReplaceTheDefaults() {
    OneLoginEventRules rules = OneLoginEventRules.of("^CATO_PUSH_FAILED$", "", null);
    OneLoginEventCatalog catalog = OneLoginEventCatalog.from(List.of(new OneLoginEventType(700, "cato_push_failed", null),
        new OneLoginEventType(64, "USER_CREATION_FAILED_IN_APP", null)), rules);

    assertThat(catalog.ids(OneLoginEventKind.PROVISIONING_FAILURE)).containsExactly(700L);
    assertThat(rules.provisioningSuccess().pattern()).isEqualTo(OneLoginEventRules.DEFAULT_SUCCESS);
  }
}
