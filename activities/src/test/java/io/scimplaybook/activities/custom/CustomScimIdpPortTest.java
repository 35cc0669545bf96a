package io.scimplaybook.activities.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomScimIdpPortTest {
  private final CustomScimIdpPort port = new CustomScimIdpPort();
  private final SourceProfile source = new SourceProfile("4711", "777", Idp.CUSTOM, "In-house SCIM", null, null);

  @Test
  void automatesNothingAndSaysWhyForEachCapability() {
    IdpSupport support = port.support(source);

    assertThat(port.idp()).isEqualTo(Idp.CUSTOM);
    assertThat(support.automated()).isEmpty();
    assertThat(support.manualBecause()).hasSize(IdpCapability.values().length)
        .allSatisfy(line -> assertThat(line).endsWith(": a custom SCIM app has no API this worker knows"))
        .contains("provision now: a custom SCIM app has no API this worker knows",
            "token save: a custom SCIM app has no API this worker knows");
  }

  @Test
  void callsItCannotMakeFailAsConfigurationAndClaimsStayUnverified() {
    ApplicationFailure failure = catchThrowableOfType(() -> port.provisionNow(source), ApplicationFailure.class);
    assertThat(failure.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(failure.isNonRetryable()).isTrue();

    assertThat(port.checkClaim(source, ManualClaim.TOKEN_INSTALLED, Instant.EPOCH).verdict())
        .isEqualTo(ClaimVerdict.UNVERIFIED);
  }
}
