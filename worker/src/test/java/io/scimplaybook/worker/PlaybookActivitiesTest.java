package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.activities.entra.EntraIdpActivitiesImpl;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.TokenSeal;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entra credentials are needed only by a worker with an Entra ID source; any other gap is named at startup. */
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

    assertThat(activities.idp()).isInstanceOf(IdpActivitiesWithoutEntra.class);
    assertThat(activities.sources().describeSource("12345", "7").idp()).isEqualTo(Idp.OKTA);
  }

  @Test
  void noEntraSectionAtAllIsTheSameAsNoCredentials() {
    PlaybookActivities activities = PlaybookActivities.from(properties(null, source("7", Idp.CUSTOM)));

    assertThat(activities.idp()).isInstanceOf(IdpActivitiesWithoutEntra.class);
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
        .hasMessageContaining("no Entra ID credentials are configured on this worker (scim-playbook.entra.tenant-id")
        .hasMessageContaining("source 12345/7");
    AuditQuery query = new AuditQuery("12345", "7", Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
    assertThatThrownBy(() -> activities.idp().findProvisioningFailures(profile, query))
        .isInstanceOf(ApplicationFailure.class).hasMessageContaining("provisioning log");
  }

  @Test
  void anEntraSourceWithoutCredentialsIsRefusedAtStartupNamingEverySettingAndTheSource() {
    assertThatThrownBy(() -> PlaybookActivities.from(
        properties(entra("", "", ""), source("7", Idp.OKTA), source("9", Idp.ENTRA_ID))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scim-playbook.entra.tenant-id, scim-playbook.entra.client-id, scim-playbook.entra.client-secret are "
            + "not set (ENTRA_TENANT_ID, ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET); Entra ID source(s) 12345/9 need them");
  }

  @Test
  void someEntraCredentialsWithoutTheOthersAreATypoAndRefusedWithoutEchoingTheSecret() {
    assertThatThrownBy(() -> PlaybookActivities.from(properties(entra("", "client-1", SECRET), source("7", Idp.OKTA))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("scim-playbook.entra.tenant-id is not set (ENTRA_TENANT_ID); set all three, or none when no source "
            + "uses Entra ID")
        .message().doesNotContain(SECRET);
  }

  @Test
  void completeEntraCredentialsGiveTheGraphBackedActivities() {
    PlaybookActivities activities = PlaybookActivities.from(
        properties(entra("tenant-1", "client-1", SECRET), source("7", Idp.ENTRA_ID)));

    assertThat(activities.idp()).isInstanceOf(EntraIdpActivitiesImpl.class);
  }
}
