package io.scimplaybook.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceActivitiesImplTest {
  private final SourceActivitiesImpl sources = new SourceActivitiesImpl(List.of(
      new SourceProfile("1", "7", Idp.OKTA, "Okta prod", "https://scim", null),
      new SourceProfile("2", "7", Idp.ENTRA_ID, "Entra", "https://scim", null)));

  @Test
  void findsTheSourceOfTheRightAccount() {
    assertThat(sources.describeSource("2", "7").idp()).isEqualTo(Idp.ENTRA_ID);
  }

  @Test
  void anUnknownSourceIsAConfigurationErrorThatIsNotRetried() {
    assertThatThrownBy(() -> sources.describeSource("3", "7"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(FailureTypes.CONFIGURATION);
          assertThat(f.isNonRetryable()).isTrue();
          // Names exactly which configuration is missing, so an operator can add it from the run's conclusion.
          assertThat(f.getOriginalMessage()).contains("no scim-playbook.sources entry with account-id 3")
              .contains("account-id: \"3\"");
        });
  }
}
