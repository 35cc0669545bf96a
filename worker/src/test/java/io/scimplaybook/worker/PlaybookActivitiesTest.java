package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.activities.idp.IdpActivitiesImpl;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.TokenSeal;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entra credentials are optional: without them Entra ID sources are operator work, named at startup; half of them is a
 * typo that stops the worker.
 */
class PlaybookActivitiesTest {

  static final String SECRET = "entra-client-secret-do-not-print";

  private static WorkerProperties properties(WorkerProperties.Entra entra, WorkerProperties.Source... sources) {
    return new WorkerProperties(
        new WorkerProperties.Cato("http://127.0.0.1:1/api/v1/graphql2", "cato-key", "http://127.0.0.1:1/scim/v2",
            Duration.ofSeconds(5)),
        entra, TokenSeal.newBase64Key(), Path.of("escalations"), List.of(sources));
  }

  private static WorkerProperties.Entra entra(String tenantId, String clientId, String clientSecret) {
    return new WorkerProperties.Entra("http://127.0.0.1:1", "http://127.0.0.1:1/v1.0", tenantId, clientId, clientSecret,
        Duration.ofSeconds(5));
  }

  private static WorkerProperties.Source source(String sourceId, Idp idp) {
    return new WorkerProperties.Source("12345", sourceId, idp, null, null, null, null, null, "probe@example.com", null);
  }

  @Test
  void aWorkerWithOnlyOktaAndOneLoginSourcesStartsWithoutEntraCredentials() {
    // As application.yml leaves them when the ENTRA_* variables are unset: empty strings.
    PlaybookActivities activities = PlaybookActivities.from(
        properties(entra("", "", ""), source("7", Idp.OKTA), source("8", Idp.ONELOGIN)));

    assertThat(activities.idp()).isInstanceOf(IdpActivitiesImpl.class);
    SourceProfile okta = activities.sources().describeSource("12345", "7");
    assertThat(okta.idp()).isEqualTo(Idp.OKTA);
    assertThat(okta.automated()).isEmpty();
  }

  @Test
  void noEntraSectionAtAllIsTheSameAsNoCredentials() {
    PlaybookActivities activities = PlaybookActivities.from(properties(null, source("7", Idp.CUSTOM)));

    assertThat(activities.idp()).isInstanceOf(IdpActivitiesImpl.class);
    assertThat(activities.sources().describeSource("12345", "7").manualReasons()).isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("custom SCIM app"));
  }

  @Test
  void withoutEntraAnIdpCallFailsAtOnceNamingTheSettings() {
    PlaybookActivities activities = PlaybookActivities.from(properties(entra(null, null, null), source("7", Idp.OKTA)));
    SourceProfile profile = new SourceProfile("12345", "7", Idp.ENTRA_ID, "added later", "http://x", null);

    assertThatThrownBy(() -> activities.idp().provisionOnDemand(profile))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(FailureTypes.CONFIGURATION);
        })
        .hasMessageContaining("cannot reach Entra ID for source 12345/7: set scim-playbook.entra.tenant-id, client-id "
            + "and client-secret");
    AuditQuery query = new AuditQuery("12345", "7", Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
    assertThatThrownBy(() -> activities.idp().findProvisioningFailures(profile, query))
        .isInstanceOf(ApplicationFailure.class).hasMessageContaining("scim-playbook.entra.tenant-id");
  }

  @Test
  void anEntraSourceWithoutCredentialsStartsWithItsStepsManualAndTheReportNamesTheSettings() {
    PlaybookActivities activities = PlaybookActivities.from(
        properties(entra("", "", ""), source("7", Idp.OKTA), source("9", Idp.ENTRA_ID)));

    SourceProfile entra = activities.sources().describeSource("12345", "9");
    assertThat(entra.automated()).isEmpty();
    assertThat(entra.automates(IdpCapability.PROVISION_NOW)).as("not the pre-port answer for Entra").isFalse();
    assertThat(entra.manualReasons()).singleElement().asString()
        .contains("scim-playbook.entra.tenant-id, client-id and client-secret");
    assertThat(activities.credentialReport()).anySatisfy(line -> {
      assertThat(line.complete()).isFalse();
      assertThat(line.text()).startsWith("source 12345/9 (Entra ID): missing scim-playbook.entra.tenant-id, "
          + "client-id and client-secret");
    });
  }

  @Test
  void someEntraCredentialsWithoutTheOthersAreATypoAndRefusedWithoutEchoingTheSecret() {
    assertThatThrownBy(() -> PlaybookActivities.from(properties(entra("", "client-1", SECRET), source("7", Idp.OKTA))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scim-playbook.entra.tenant-id is not set (ENTRA_TENANT_ID); set all three, or none (then no Entra "
            + "ID source can be automated)")
        .message().doesNotContain(SECRET);
  }

  @Test
  void completeEntraCredentialsGiveTheGraphBackedActivities() {
    PlaybookActivities activities = PlaybookActivities.from(
        properties(entra("tenant-1", "client-1", SECRET), entraSource("7")));

    assertThat(activities.sources().describeSource("12345", "7").automated())
        .containsExactly(IdpCapability.values());
    assertThat(activities.credentialReport()).singleElement().satisfies(line -> assertThat(line.complete()).isTrue());
  }

  @Test
  void someEntraCredentialsWithAnEntraSourceStillStopTheWorkerNamingTheSource() {
    assertThatThrownBy(() -> PlaybookActivities.from(properties(entra("tenant-1", "", SECRET), entraSource("9"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scim-playbook.entra.client-id is not set")
        .hasMessageContaining("the Entra ID steps of 12345/9 are operator tasks")
        .message().doesNotContain(SECRET);
  }

  private static WorkerProperties.Source entraSource(String sourceId) {
    return new WorkerProperties.Source("12345", sourceId, Idp.ENTRA_ID, null, "sp-1", "job-1", "rule-1", "obj-1",
        "probe@example.com", null);
  }
}
