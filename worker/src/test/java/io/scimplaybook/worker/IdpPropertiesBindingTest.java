package io.scimplaybook.worker;

import static io.scimplaybook.worker.IdpSettingsFixtures.API_TOKEN;
import static io.scimplaybook.worker.IdpSettingsFixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.TokenSeal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The Okta and OneLogin settings under the names the README documents, bound as Spring binds application.yml. */
class IdpPropertiesBindingTest {

  private static WorkerProperties bind(Map<String, String> values) {
    Map<String, String> all = new HashMap<>(Map.of(
        "scim-playbook.cato.api-key", "cato-key",
        "scim-playbook.cato.graphql-url", "http://127.0.0.1:1/api/v1/graphql2",
        "scim-playbook.cato.scim-base-url", "http://127.0.0.1:1/scim/v2",
        "scim-playbook.seal-key", TokenSeal.newBase64Key()));
    all.putAll(values);
    return new Binder(new MapConfigurationPropertySource(all)).bind("scim-playbook", WorkerProperties.class).get();
  }

  @Test
  void oktaAndOneLoginOrgsAndSourceTargetsBindFromTheirDocumentedNames() {
    Map<String, String> values = new HashMap<>();
    values.put("scim-playbook.okta.orgs[0].url", "https://acme.okta.com");
    values.put("scim-playbook.okta.orgs[0].api-token", API_TOKEN);
    values.put("scim-playbook.okta.orgs[0].timeout", "10s");
    values.put("scim-playbook.onelogin.accounts[0].url", "https://acme.onelogin.com");
    values.put("scim-playbook.onelogin.accounts[0].client-id", "ol-client");
    values.put("scim-playbook.onelogin.accounts[0].client-secret", CLIENT_SECRET);
    values.put("scim-playbook.sources[0].account-id", "12345");
    values.put("scim-playbook.sources[0].source-id", "7");
    values.put("scim-playbook.sources[0].idp", "OKTA");
    values.put("scim-playbook.sources[0].okta-org-url", "https://acme.okta.com");
    values.put("scim-playbook.sources[0].okta-app-id", "0oa1cato");
    values.put("scim-playbook.sources[0].okta-probe-user-id", "00u1probe");
    values.put("scim-playbook.sources[0].probe-user", "probe@acme.com");
    values.put("scim-playbook.sources[1].account-id", "12345");
    values.put("scim-playbook.sources[1].source-id", "8");
    values.put("scim-playbook.sources[1].idp", "ONELOGIN");
    values.put("scim-playbook.sources[1].onelogin-api-url", "https://acme.onelogin.com");
    values.put("scim-playbook.sources[1].onelogin-app-id", "55");
    values.put("scim-playbook.sources[1].onelogin-probe-user-id", "66");
    values.put("scim-playbook.sources[1].probe-user", "probe@acme.com");

    WorkerProperties p = bind(values);
    PlaybookActivities activities = PlaybookActivities.from(p);

    assertThat(p.okta().orgs()).singleElement().satisfies(org -> {
      assertThat(org.apiToken()).isEqualTo(API_TOKEN);
      assertThat(org.timeout()).isEqualTo(Duration.ofSeconds(10));
    });
    assertThat(p.onelogin().accounts()).singleElement()
        .satisfies(a -> assertThat(a.timeout()).as("default").isEqualTo(Duration.ofSeconds(30)));
    SourceProfile okta = activities.sources().describeSource("12345", "7");
    assertThat(okta.okta()).isEqualTo(new OktaTarget("https://acme.okta.com", "0oa1cato", "00u1probe", "probe@acme.com"));
    assertThat(okta.probeUser()).isEqualTo("probe@acme.com");
    assertThat(okta.entra()).isNull();
    SourceProfile onelogin = activities.sources().describeSource("12345", "8");
    assertThat(onelogin.onelogin()).isEqualTo(new OneLoginTarget("https://acme.onelogin.com", "55", "66", "probe@acme.com"));
    assertThat(onelogin.idp()).isEqualTo(Idp.ONELOGIN);
    // No setting is missing (until the Okta and OneLogin ports are wired in, the lines say only that).
    assertThat(activities.credentialReport()).hasSize(2)
        .allSatisfy(line -> assertThat(line.text()).doesNotContain("scim-playbook."));
  }

  @Test
  void noOktaOrOneLoginSectionBindsAndTheirSecretsNeverShowInTheSettingsText() {
    WorkerProperties none = bind(Map.of());
    assertThat(PlaybookActivities.from(none).credentialReport()).isEmpty();

    WorkerProperties p = bind(Map.of(
        "scim-playbook.okta.orgs[0].url", "https://acme.okta.com",
        "scim-playbook.okta.orgs[0].client-id", "0oa-client",
        "scim-playbook.okta.orgs[0].private-key", IdpSettingsFixtures.PEM,
        "scim-playbook.okta.orgs[1].url", "https://beta.okta.com",
        "scim-playbook.okta.orgs[1].api-token", API_TOKEN,
        "scim-playbook.onelogin.accounts[0].url", "https://acme.onelogin.com",
        "scim-playbook.onelogin.accounts[0].client-id", "ol-client",
        "scim-playbook.onelogin.accounts[0].client-secret", CLIENT_SECRET));

    assertThat(p.toString()).contains("0oa-client", "ol-client", "https://beta.okta.com")
        .doesNotContain(API_TOKEN, CLIENT_SECRET, "PRIVATE KEY", IdpSettingsFixtures.PEM.substring(40, 80));
  }
}
