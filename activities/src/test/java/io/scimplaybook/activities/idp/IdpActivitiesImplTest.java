package io.scimplaybook.activities.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.custom.CustomScimIdpPort;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each IdP call reaches the port of the source's IdP, and only that one; no port is a named configuration gap. */
class IdpActivitiesImplTest {
  static final Instant SINCE = Instant.parse("2025-05-01T10:00:00Z");
  static final AuditQuery QUERY = new AuditQuery("1", "7", SINCE.minusSeconds(3600), SINCE);

  /** Answers every capability and writes down which method of which IdP was called. */
  static final class RecordingPort implements IdpPort {
    final Idp idp;
    final List<String> calls;

    RecordingPort(Idp idp, List<String> calls) {
      this.idp = idp;
      this.calls = calls;
    }

    @Override
    public Idp idp() {
      return idp;
    }

    @Override
    public IdpSupport support(SourceProfile source) {
      calls.add(idp + " support");
      return new IdpSupport(List.of(IdpCapability.values()), List.of());
    }

    @Override
    public ProvisionResult provisionNow(SourceProfile source) {
      calls.add(idp + " provisionNow");
      return new ProvisionResult(true, source.probeUser(), "ok", "");
    }

    @Override
    public ConfigChanges configChanges(SourceProfile source, AuditQuery query) {
      calls.add(idp + " configChanges");
      return new ConfigChanges(List.of());
    }

    @Override
    public ProvisioningLog provisioningFailures(SourceProfile source, AuditQuery query) {
      calls.add(idp + " provisioningFailures");
      return new ProvisioningLog(List.of());
    }

    @Override
    public JobStatus latestCycle(SourceProfile source) {
      calls.add(idp + " latestCycle");
      return null;
    }

    @Override
    public void restartJob(SourceProfile source) {
      calls.add(idp + " restartJob");
    }

    @Override
    public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
      calls.add(idp + " checkClaim " + claim + " " + since);
      return new ClaimCheck(claim, ClaimVerdict.HELD, List.of("seen"));
    }
  }

  static SourceProfile source(Idp idp) {
    return new SourceProfile("1", "7", idp, idp.displayName() + " source", "https://scim", null, null,
        idp == Idp.OKTA ? new OktaTarget("https://acme.okta.com", "0oa1", "00u1", "probe@acme.com") : null,
        idp == Idp.ONELOGIN ? new OneLoginTarget("https://acme.onelogin.com", "55", "66", "probe@acme.com") : null,
        null, null);
  }

  @Test
  void everyCallGoesToThePortOfTheSourcesIdpAndNoOther() {
    List<String> calls = new ArrayList<>();
    IdpActivitiesImpl activities = new IdpActivitiesImpl(
        List.of(new RecordingPort(Idp.ENTRA_ID, calls), new RecordingPort(Idp.OKTA, calls)));
    SourceProfile okta = source(Idp.OKTA);

    activities.provisionOnDemand(okta);
    activities.findIdpChanges(okta, QUERY);
    activities.findProvisioningFailures(okta, QUERY);
    activities.jobStatus(okta);
    activities.restartJob(okta);
    ClaimCheck check = activities.checkClaim(okta, ManualClaim.TOKEN_INSTALLED, SINCE);
    activities.provisionOnDemand(source(Idp.ENTRA_ID));

    assertThat(calls).containsExactly("OKTA provisionNow", "OKTA configChanges", "OKTA provisioningFailures",
        "OKTA latestCycle", "OKTA restartJob", "OKTA checkClaim TOKEN_INSTALLED " + SINCE, "ENTRA_ID provisionNow");
    assertThat(check.verdict()).isEqualTo(ClaimVerdict.HELD);
  }

  @Test
  void anIdpWithoutAPortIsANonRetryableConfigurationFailureNamingTheSettingToAdd() {
    IdpActivitiesImpl activities = new IdpActivitiesImpl(List.of(new CustomScimIdpPort()));

    ApplicationFailure okta =
        catchThrowableOfType(() -> activities.provisionOnDemand(source(Idp.OKTA)), ApplicationFailure.class);
    ApplicationFailure onelogin =
        catchThrowableOfType(() -> activities.findIdpChanges(source(Idp.ONELOGIN), QUERY), ApplicationFailure.class);
    ApplicationFailure entra =
        catchThrowableOfType(() -> activities.jobStatus(source(Idp.ENTRA_ID)), ApplicationFailure.class);

    assertThat(okta.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(okta.isNonRetryable()).isTrue();
    assertThat(okta.getOriginalMessage()).contains("Okta", "source 1/7",
        "scim-playbook.okta.orgs[url=https://acme.okta.com].api-token or client-id+private-key");
    assertThat(onelogin.getOriginalMessage())
        .contains("scim-playbook.onelogin.accounts[url=https://acme.onelogin.com].client-id+client-secret");
    assertThat(entra.getOriginalMessage()).contains("scim-playbook.entra.tenant-id, client-id and client-secret");
  }

  @Test
  void aClaimWithoutAPortIsUnverifiedWithTheReasonNeverAFailure() {
    IdpActivitiesImpl activities = new IdpActivitiesImpl(List.of());

    ClaimCheck check = activities.checkClaim(source(Idp.ONELOGIN), ManualClaim.PROVISIONED, SINCE);

    assertThat(check.verdict()).isEqualTo(ClaimVerdict.UNVERIFIED);
    assertThat(check.claim()).isEqualTo(ManualClaim.PROVISIONED);
    assertThat(check.evidence()).singleElement().asString().contains("OneLogin", "scim-playbook.onelogin.accounts");
  }

  @Test
  void aPortThatDoesNotOfferAStepRefusesItAsConfigurationAndLeavesClaimsUnverified() {
    IdpActivitiesImpl activities = new IdpActivitiesImpl(List.of(new CustomScimIdpPort()));
    SourceProfile custom = source(Idp.CUSTOM);

    ApplicationFailure failure = catchThrowableOfType(() -> activities.restartJob(custom), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(failure.getOriginalMessage()).contains("Custom SCIM app", "RESTART_JOB", "1/7");
    assertThat(activities.checkClaim(custom, ManualClaim.SCHEDULED_SYNC_SUCCEEDED, SINCE).verdict())
        .isEqualTo(ClaimVerdict.UNVERIFIED);
  }

  @Test
  void twoPortsForOneIdpAreAWiringMistakeRefusedAtOnce() {
    assertThatThrownBy(() -> new IdpActivitiesImpl(
        List.of(new RecordingPort(Idp.OKTA, new ArrayList<>()), new RecordingPort(Idp.OKTA, new ArrayList<>()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two IdP ports for Okta");
  }
}
