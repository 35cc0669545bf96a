package io.scimplaybook.worker;

import static io.scimplaybook.worker.IdpSettingsFixtures.API_TOKEN;
import static io.scimplaybook.worker.IdpSettingsFixtures.CLIENT_SECRET;
import static io.scimplaybook.worker.IdpSettingsFixtures.OKTA_URL;
import static io.scimplaybook.worker.IdpSettingsFixtures.ONELOGIN_URL;
import static io.scimplaybook.worker.IdpSettingsFixtures.PEM;
import static io.scimplaybook.worker.IdpSettingsFixtures.account;
import static io.scimplaybook.worker.IdpSettingsFixtures.okta;
import static io.scimplaybook.worker.IdpSettingsFixtures.onelogin;
import static io.scimplaybook.worker.IdpSettingsFixtures.properties;
import static io.scimplaybook.worker.IdpSettingsFixtures.serviceAppOrg;
import static io.scimplaybook.worker.IdpSettingsFixtures.tokenOrg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.scimplaybook.api.input.Idp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed Okta and OneLogin settings stop the worker naming the setting; missing ones never do. */
class IdpCredentialsTest {

  private static String refusal(WorkerProperties p) {
    Throwable thrown = catchThrowable(() -> PlaybookActivities.from(p));
    assertThat(thrown).as("the worker refuses to start").isInstanceOf(IllegalStateException.class);
    assertThat(thrown.getMessage()).doesNotContain(API_TOKEN, CLIENT_SECRET, "MII");
    return thrown.getMessage();
  }

  @Test
  void noCredentialsAtAllForTheIdpsItsSourcesUseNeverStopTheWorker() {
    WorkerProperties p = properties(
        List.of(okta("7", OKTA_URL, "0oa1", "00u1"), onelogin("8", ONELOGIN_URL, "55", "66")), List.of(), List.of());

    assertThat(PlaybookActivities.from(p).credentialReport()).hasSize(2)
        .allSatisfy(line -> assertThat(line.complete()).isFalse());
  }

  @Test
  void anOrgEntryWithEmptyCredentialsIsMissingNotMalformed() {
    // As application.yml leaves them when the environment variables are unset.
    WorkerProperties p = properties(List.of(okta("7", OKTA_URL, "0oa1", "00u1")),
        List.of(new WorkerProperties.OktaOrg(OKTA_URL, "", "", "", "", "", null)),
        List.of(account(ONELOGIN_URL, "", "")));

    IdpCredentials credentials = IdpCredentials.check(p);

    assertThat(credentials.oktaOrgs()).isEmpty();
    assertThat(credentials.oneloginAccounts()).isEmpty();
  }

  @Test
  void completeCredentialsReachTheSettingsThePortsAreBuiltFromWithBlanksAsNull() {
    WorkerProperties p = properties(List.of(), List.of(tokenOrg(OKTA_URL + "/"),
            serviceAppOrg("https://beta.okta.com", "0oa-client", PEM)),
        List.of(account(ONELOGIN_URL, "ol-client", CLIENT_SECRET)));

    IdpCredentials credentials = IdpCredentials.check(p);

    assertThat(credentials.oktaOrgs()).hasSize(2);
    assertThat(credentials.oktaOrgs().get(0).usesApiToken()).isTrue();
    assertThat(credentials.oktaOrgs().get(1).usesApiToken()).isFalse();
    assertThat(credentials.oktaOrgs().get(1).privateKeyPem()).isEqualTo(PEM);
    assertThat(credentials.oktaOrgs().get(1).scopes()).as("empty: the port's default").isNull();
    assertThat(credentials.oneloginAccounts()).singleElement()
        .satisfies(a -> assertThat(a.clientSecret()).isEqualTo(CLIENT_SECRET));
    assertThat(credentials.hasOkta("https://ACME.okta.com")).as("case and trailing slash do not matter").isTrue();
    assertThat(credentials.hasOneLogin("https://other.onelogin.com")).isFalse();
  }

  @Test
  void bothAnApiTokenAndAServiceAppForOneOrgStopTheWorker() {
    WorkerProperties p = properties(List.of(), List.of(
        new WorkerProperties.OktaOrg(OKTA_URL, API_TOKEN, "0oa-client", PEM, null, null, null)), List.of());

    assertThat(refusal(p)).isEqualTo("scim-playbook.okta.orgs[url=https://acme.okta.com] sets both api-token and "
        + "client-id/private-key: keep one, the API token or the OAuth service app");
  }

  @Test
  void halfAServiceAppOrHalfOneLoginCredentialsStopTheWorkerNamingTheOtherHalf() {
    assertThat(refusal(properties(List.of(), List.of(serviceAppOrg(OKTA_URL, "0oa-client", "")), List.of())))
        .isEqualTo("scim-playbook.okta.orgs[url=https://acme.okta.com].private-key is not set: an OAuth service app "
            + "needs both client-id and private-key");
    assertThat(refusal(properties(List.of(), List.of(serviceAppOrg(OKTA_URL, null, PEM)), List.of())))
        .startsWith("scim-playbook.okta.orgs[url=https://acme.okta.com].client-id is not set");
    assertThat(refusal(properties(List.of(), List.of(), List.of(account(ONELOGIN_URL, null, CLIENT_SECRET)))))
        .startsWith("scim-playbook.onelogin.accounts[url=https://acme.onelogin.com].client-id is not set");
  }

  @Test
  void aUrlThatIsNotOneStopsTheWorkerNamingTheSettingAndShowingTheTypo() {
    assertThat(refusal(properties(List.of(), List.of(tokenOrg("acme.okta.com")), List.of())))
        .isEqualTo("scim-playbook.okta.orgs[0].url is not an http(s) URL: \"acme.okta.com\"");
    assertThat(refusal(properties(List.of(), List.of(), List.of(account("https://", "id", CLIENT_SECRET)))))
        .startsWith("scim-playbook.onelogin.accounts[0].url is not an http(s) URL");
    assertThat(refusal(properties(List.of(okta("7", "ftp://acme.okta.com", "0oa1", "00u1")), List.of(), List.of())))
        .isEqualTo("scim-playbook.sources[12345/7].okta-org-url is not an http(s) URL: \"ftp://acme.okta.com\"");
    assertThat(refusal(properties(List.of(), List.of(tokenOrg(" ")), List.of())))
        .isEqualTo("scim-playbook.okta.orgs[0].url is not set");
  }

  @Test
  void aPrivateKeyOktaCannotUseStopsTheWorkerWithoutQuotingIt() {
    String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
    String truncated = PEM.substring(0, PEM.length() / 2) + "\n-----END PRIVATE KEY-----";

    assertThat(refusal(properties(List.of(), List.of(serviceAppOrg(OKTA_URL, "c", pkcs1)), List.of())))
        .contains(".private-key must be an unencrypted PKCS#8 key", "openssl pkcs8 -topk8 -nocrypt");
    assertThat(refusal(properties(List.of(), List.of(serviceAppOrg(OKTA_URL, "c", truncated)), List.of())))
        .startsWith("scim-playbook.okta.orgs[url=https://acme.okta.com].private-key is not a PKCS#8 RSA private key");
  }

  @Test
  void oneOrgConfiguredTwiceStopsTheWorker() {
    assertThat(refusal(properties(List.of(), List.of(tokenOrg(OKTA_URL), tokenOrg(OKTA_URL.toUpperCase() + "/")),
        List.of()))).contains("is configured twice");
  }

  @Test
  void anotherIdpsTargetOnASourceIsAForgottenIdpLineAndStopsTheWorker() {
    WorkerProperties.Source entraByDefault = new WorkerProperties.Source("12345", "7", Idp.ENTRA_ID, null, null, null,
        null, null, "probe@acme.com", null, OKTA_URL, "0oa1", null, null, null, null);
    WorkerProperties.Source oneloginOnOkta = new WorkerProperties.Source("12345", "8", Idp.OKTA, null, null, null,
        null, null, "probe@acme.com", null, null, null, null, ONELOGIN_URL, null, null);

    assertThat(refusal(properties(List.of(entraByDefault), List.of(), List.of())))
        .isEqualTo("scim-playbook.sources[12345/7] sets okta-* settings but its idp is ENTRA_ID (the default): add "
            + "idp: OKTA, or remove them");
    assertThat(refusal(properties(List.of(oneloginOnOkta), List.of(), List.of())))
        .startsWith("scim-playbook.sources[12345/8] sets onelogin-* settings but its idp is OKTA: add idp: ONELOGIN");
  }
}
