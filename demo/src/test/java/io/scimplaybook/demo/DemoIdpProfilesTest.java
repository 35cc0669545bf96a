package io.scimplaybook.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.input.Idp;
import io.scimplaybook.sandbox.OktaSandbox;
import io.scimplaybook.sandbox.OneLoginSandbox;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxIdp;
import io.scimplaybook.worker.WorkerProperties;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The demo worker's configuration per {@code --idp}: the wrapper activates profiles {@code sandbox} and
 * {@code sandbox-<idp>}, and the worker must then have exactly one source, of that IdP, pointed at the sandbox with
 * the sandbox's own credentials (SandboxConfig.defaults()), whatever the base profile's Entra source said.
 */
class DemoIdpProfilesTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WorkerProperties.class)
  static class PropertiesOnly {}

  private static ConfigurableApplicationContext boot(String... profiles) {
    return new SpringApplicationBuilder(PropertiesOnly.class).web(WebApplicationType.NONE).logStartupInfo(false)
        .profiles(profiles).properties("SANDBOX_PORT=18089").run();
  }

  @ParameterizedTest
  @EnumSource(value = SandboxIdp.class, names = {"OKTA", "ONELOGIN", "CUSTOM"})
  void eachIdpsProfileReplacesTheEntraSourceWithOneOfItsOwn(SandboxIdp idp) {
    try (ConfigurableApplicationContext context = boot("sandbox", "sandbox-" + idp.wireName())) {
      WorkerProperties properties = context.getBean(WorkerProperties.class);

      assertThat(properties.sources()).singleElement().satisfies(source -> {
        assertThat(source.accountId()).isEqualTo(SandboxConfig.defaults().accountId());
        assertThat(source.sourceId()).isEqualTo(SandboxConfig.defaults().sourceId());
        assertThat(source.idp()).isEqualTo(switch (idp) {
          case OKTA -> Idp.OKTA;
          case ONELOGIN -> Idp.ONELOGIN;
          case CUSTOM -> Idp.CUSTOM;
          case ENTRA -> Idp.ENTRA_ID;
        });
        assertThat(source.probeUser()).isEqualTo(SandboxConfig.defaults().probeUserPrincipalName());
      });
    }
  }

  @Test
  void withoutAnIdpProfileTheDemoKeepsItsEntraSource() {
    try (ConfigurableApplicationContext context = boot("sandbox")) {
      assertThat(context.getBean(WorkerProperties.class).sources()).singleElement()
          .satisfies(source -> assertThat(source.idp()).isEqualTo(Idp.ENTRA_ID));
    }
  }

  @Test
  void theOktaSourceAndOrgAreTheSandboxsOrgWithItsApiToken() {
    OktaSandbox okta = SandboxConfig.defaults().okta();
    try (ConfigurableApplicationContext context = boot("sandbox", "sandbox-okta")) {
      Environment env = context.getEnvironment();

      assertThat(env.getProperty("scim-playbook.okta.orgs[0].url")).isEqualTo("http://127.0.0.1:18089");
      assertThat(env.getProperty("scim-playbook.okta.orgs[0].api-token")).isEqualTo(okta.apiToken());
      assertThat(env.getProperty("scim-playbook.sources[0].okta-org-url")).isEqualTo("http://127.0.0.1:18089");
      assertThat(env.getProperty("scim-playbook.sources[0].okta-app-id")).isEqualTo(okta.appId());
      assertThat(env.getProperty("scim-playbook.sources[0].okta-probe-user-id")).isEqualTo(okta.probeUserId());
    }
  }

  @Test
  void theOneLoginSourceAndAccountAreTheSandboxsAccountWithItsApiCredential() {
    OneLoginSandbox onelogin = SandboxConfig.defaults().onelogin();
    try (ConfigurableApplicationContext context = boot("sandbox", "sandbox-onelogin")) {
      Environment env = context.getEnvironment();

      assertThat(env.getProperty("scim-playbook.onelogin.accounts[0].url")).isEqualTo("http://127.0.0.1:18089");
      assertThat(env.getProperty("scim-playbook.onelogin.accounts[0].client-id")).isEqualTo(onelogin.clientId());
      assertThat(env.getProperty("scim-playbook.onelogin.accounts[0].client-secret"))
          .isEqualTo(onelogin.clientSecret());
      assertThat(env.getProperty("scim-playbook.sources[0].onelogin-api-url")).isEqualTo("http://127.0.0.1:18089");
      assertThat(env.getProperty("scim-playbook.sources[0].onelogin-app-id"))
          .isEqualTo(String.valueOf(onelogin.appId()));
      assertThat(env.getProperty("scim-playbook.sources[0].onelogin-probe-user-id"))
          .isEqualTo(String.valueOf(onelogin.probeUserId()));
    }
  }

  @Test
  void everyIdpTheSandboxPlaysHasADemoProfile() {
    assertThat(Arrays.stream(SandboxIdp.values()).filter(idp -> idp != SandboxIdp.ENTRA))
        .allSatisfy(idp -> assertThat(DemoIdpProfilesTest.class.getResource("/application-sandbox-" + idp.wireName()
            + ".yml")).as(idp.wireName()).isNotNull());
  }
}
