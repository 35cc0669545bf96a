package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trigger's credential comes from the environment, so it never shows on a command line (ps). */
class SandboxMainTest {

  @Test
  void theTriggerBearerTokenIsReadFromTheNamedEnvironmentVariable() {
    SandboxMain.Options options = SandboxMain.parse(
        new String[] {"--trigger", "http://127.0.0.1:8080/events/scim-failure", "--trigger-bearer-env", "HOOK_TOKEN"},
        Map.of("HOOK_TOKEN", "token-from-the-environment\n"));

    assertThat(options.triggerHeaders()).containsEntry("Authorization", "Bearer token-from-the-environment");
  }

  @Test
  void aMissingOrEmptyVariableIsAUsageErrorNamingIt() {
    String[] args = {"--trigger-bearer-env", "HOOK_TOKEN"};

    assertThatThrownBy(() -> SandboxMain.parse(args, Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--trigger-bearer-env HOOK_TOKEN: that environment variable is not set or empty");
    assertThatThrownBy(() -> SandboxMain.parse(args, Map.of("HOOK_TOKEN", " ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainTriggerHeadersStillWork() {
    SandboxMain.Options options =
        SandboxMain.parse(new String[] {"--trigger-header", "X-Relay: demo", "--port", "0"}, Map.of());

    assertThat(options.triggerHeaders()).containsEntry("X-Relay", "demo");
    assertThat(options.config().port()).isZero();
  }

  @Test
  void idpPicksWhichIdentityProviderFeedsTheSourceAndEntraStaysTheDefault() {
    assertThat(SandboxMain.parse(new String[0], Map.of()).config().idp()).isEqualTo(SandboxIdp.ENTRA);
    SandboxConfig okta = SandboxMain.parse(
        new String[] {"--idp", "okta", "--okta-token-auth", "--scenario", "config-change"}, Map.of()).config();

    assertThat(okta.idp()).isEqualTo(SandboxIdp.OKTA);
    assertThat(okta.okta().tokenAuthSupported()).isTrue();
    assertThat(okta.scenario()).isEqualTo(Scenario.CONFIG_CHANGE);
    assertThat(SandboxMain.parse(new String[] {"--idp", "OneLogin"}, Map.of()).config().idp())
        .isEqualTo(SandboxIdp.ONELOGIN);
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--idp", "ping"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown IdP 'ping'; expected one of entra, okta, onelogin, custom");
  }

  @Test
  void theConfigsTextNamesNoIdpSecret() {
    String text = SandboxConfig.defaults().withIdp(SandboxIdp.OKTA).toString();

    assertThat(text).contains("idp=okta")
        .doesNotContain(OktaSandbox.defaults().apiToken())
        .doesNotContain(OneLoginSandbox.defaults().clientSecret());
  }
}
