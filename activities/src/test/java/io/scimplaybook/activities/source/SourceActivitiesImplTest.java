package io.scimplaybook.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.activities.custom.CustomScimIdpPort;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceActivitiesImplTest {
  /** An Entra port that automates two things for whichever source, to see its answer reach the profile. */
  static final IdpPort ENTRA = new IdpPort() {
    @Override
    public Idp idp() {
      return Idp.ENTRA_ID;
    }

    @Override
    public IdpSupport support(SourceProfile source) {
      return new IdpSupport(List.of(IdpCapability.RESTART_JOB, IdpCapability.PROVISION_NOW),
          List.of("token save: not for " + source.sourceId()));
    }
  };

  private final SourceActivitiesImpl sources = new SourceActivitiesImpl(List.of(
      new SourceProfile("1", "7", Idp.OKTA, "Okta prod", "https://scim", null),
      new SourceProfile("2", "7", Idp.ENTRA_ID, "Entra", "https://scim", null),
      new SourceProfile("2", "8", Idp.CUSTOM, "Custom", "https://scim", null)),
      List.of(ENTRA, new CustomScimIdpPort()));

  @Test
  void findsTheSourceOfTheRightAccount() {
    assertThat(sources.describeSource("2", "7").idp()).isEqualTo(Idp.ENTRA_ID);
  }

  @Test
  void theProfileCarriesWhatItsIdpsPortAutomatesAndWhyTheRestIsManual() {
    SourceProfile entra = sources.describeSource("2", "7");

    assertThat(entra.automated()).containsExactly(IdpCapability.PROVISION_NOW, IdpCapability.RESTART_JOB);
    assertThat(entra.manualReasons()).containsExactly("token save: not for 7");
    assertThat(entra.automates(IdpCapability.SAVE_TOKEN)).isFalse();
    SourceProfile custom = sources.describeSource("2", "8");
    assertThat(custom.automated()).isEmpty();
    assertThat(custom.manualReasons()).hasSize(IdpCapability.values().length)
        .allSatisfy(line -> assertThat(line).contains("custom SCIM app"));
  }

  @Test
  void aSourceWhoseIdpHasNoPortAutomatesNothingAndSaysWhichSettingWouldChangeThat() {
    SourceProfile okta = sources.describeSource("1", "7");

    // An empty list, not null: null would let automates() answer as releases before the IdP port did.
    assertThat(okta.automated()).isNotNull().isEmpty();
    assertThat(okta.manualReasons()).singleElement().asString()
        .contains("Okta", "source 1/7", "scim-playbook.okta.orgs[url=");
  }

  @Test
  void anUnknownSourceIsAConfigurationErrorThatIsNotRetried() {
    assertThatThrownBy(() -> sources.describeSource("3", "7"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureTypes.CONFIGURATION);
          assertThat(f.isNonRetryable()).isTrue();
          // Names exactly which configuration is missing, so an operator can add it from the run's conclusion.
          assertThat(f.getOriginalMessage()).contains("no scim-playbook.sources entry with account-id 3")
              .contains("account-id: \"3\"")
              .contains("for Okta okta-org-url, okta-app-id, okta-probe-user-id");
        });
  }
}
