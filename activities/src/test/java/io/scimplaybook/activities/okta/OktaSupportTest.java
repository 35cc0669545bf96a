package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.APP_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static io.scimplaybook.api.input.IdpCapability.PROVISION_NOW;
import static io.scimplaybook.api.input.IdpCapability.READ_CONFIG_CHANGES;
import static io.scimplaybook.api.input.IdpCapability.READ_PROVISIONING_FAILURES;
import static io.scimplaybook.api.input.IdpCapability.READ_SCHEDULED_CYCLE;
import static io.scimplaybook.api.input.IdpCapability.SAVE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.SourceProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Okta port promises per source: decided by the source's target, the worker's org settings and the connection. */
class OktaSupportTest extends OktaServerTest {

  private IdpSupport support(SourceProfile source) {
    return new OktaPortFixture(server, clock, 1).port.support(source);
  }

  @Test
  void aTokenAuthConnectionMakesTheTokenSaveAutomatedAndTheRestIsSaidWhy() throws Exception {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default.response.json")));

    IdpSupport support = support(OktaPortFixture.source(server));

    assertThat(support.automated()).containsExactly(
        PROVISION_NOW, SAVE_TOKEN, READ_CONFIG_CHANGES, READ_PROVISIONING_FAILURES, READ_SCHEDULED_CYCLE);
    assertThat(support.manualBecause()).containsExactly(
        "token test: Okta has no API that tests a SCIM token without saving it",
        "job restart: Okta has no provisioning job to restart; it pushes each change as it happens");
    assertThat(take().getPath()).isEqualTo("/api/v1/apps/" + APP_ID + "/connections/default");
  }

  @Test
  void theOrg2OrgTokenConnectionIsOneToo() {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default-org2org.response.json")));

    assertThat(support(OktaPortFixture.source(server)).automated()).contains(SAVE_TOKEN);
  }

  @Test
  void anOauthConnectionLeavesTheTokenToTheConsoleAndSaysSo() {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default-oauth-o365.response.json")));

    IdpSupport support = support(OktaPortFixture.source(server));

    assertThat(support.automated()).doesNotContain(SAVE_TOKEN).contains(PROVISION_NOW);
    assertThat(support.manualBecause()).contains("token save: app " + APP_ID + "'s provisioning connection has auth"
        + " scheme OAUTH2, status ENABLED; Okta's connections API takes a token only for token auth");
  }

  @Test
  void aTokenConnectionWhoseHintsForbidPostIsNotSaved() {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default.response.json")
        .replace("\"GET\",\n          \"POST\"", "\"GET\"")));

    IdpSupport support = support(OktaPortFixture.source(server));

    assertThat(support.automated()).doesNotContain(SAVE_TOKEN);
    assertThat(support.manualBecause()).anyMatch(line -> line.contains("POST not allowed"));
  }

  @Test
  void anAppTheConnectionsApiDoesNotServeOrAFailedAskMakesTheSaveManualWithTheReason() {
    server.enqueue(jsonResponse(404, "{\"errorCode\":\"E0000007\",\"errorSummary\":\"Not found: Resource not found:"
        + " default (AppConnection)\",\"errorId\":\"oae2\",\"errorCauses\":[]}"));
    server.enqueue(jsonResponse(403, resource("okta-error-403.response.json")));
    server.enqueue(jsonResponse(429, resource("okta-error-429.response.json")));

    List<String> notServed = support(OktaPortFixture.source(server)).manualBecause();
    List<String> forbidden = support(OktaPortFixture.source(server)).manualBecause();
    IdpSupport throttled = support(OktaPortFixture.source(server));

    assertThat(notServed).anyMatch(l -> l.startsWith("token save: Okta's connections API does not serve app " + APP_ID)
        && l.contains("E0000007"));
    assertThat(forbidden).anyMatch(l -> l.startsWith("token save: could not ask") && l.contains("E0000006"));
    assertThat(throttled.manualBecause()).anyMatch(l -> l.contains("E0000047"));
    assertThat(throttled.automated()).contains(PROVISION_NOW, READ_CONFIG_CHANGES).doesNotContain(SAVE_TOKEN);
  }

  @Test
  void withoutAProbeUserProvisionNowIsManual() {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default.response.json")));

    IdpSupport support = support(OktaPortFixture.source(new OktaTarget(OktaPayloads.orgUrl(server), APP_ID, null, null)));

    assertThat(support.automated()).doesNotContain(PROVISION_NOW).contains(SAVE_TOKEN);
    assertThat(support.manualBecause()).first().asString().startsWith("provision now: source 4711/77 names no Okta probeUserId");
  }

  @Test
  void aSourceWhoseOrgHasNoSettingsHereGetsNothingAutomatedAndNoCallIsMade() {
    SourceProfile elsewhere = OktaPortFixture.source(new OktaTarget("https://other.okta.com", APP_ID, "u", "u"));

    IdpSupport support = support(elsewhere);

    assertThat(support.automated()).isEmpty();
    assertThat(support.manualBecause()).containsExactly(
        "this worker has no credentials for Okta org https://other.okta.com (scim-playbook.okta.orgs)");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void orgUrlsMatchWhateverTheirCaseOrTrailingSlash() {
    server.enqueue(jsonResponse(200, resource("okta-app-connection-default.response.json")));
    String url = OktaPayloads.orgUrl(server).toUpperCase(java.util.Locale.ROOT).replace("HTTP://", "http://") + "/";

    assertThat(support(OktaPortFixture.source(new OktaTarget(url, APP_ID, "u", "u"))).automated()).contains(SAVE_TOKEN);
  }

  @Test
  void unusableOrgSettingsNeitherFailConstructionNorHideWhy() {
    OktaPortFixture fixture = new OktaPortFixture(List.of(
        new OktaOrgSettings(OktaPayloads.orgUrl(server), null, "0oa-client", "not a key", null, null, null),
        new OktaOrgSettings(null, "t", null, null, null, null, null)), clock, 1);

    IdpSupport support = fixture.port.support(OktaPortFixture.source(server));

    assertThat(support.automated()).isEmpty();
    assertThat(support.manualBecause()).singleElement().asString()
        .startsWith("this worker's settings for Okta org " + OktaPayloads.orgUrl(server) + " cannot be used: privateKeyPem");
    assertThat(fixture.port.checkClaim(OktaPortFixture.source(server), ManualClaim.PROVISIONED, NOW).verdict())
        .isEqualTo(ClaimVerdict.UNVERIFIED);
  }

  @Test
  void aSourceWithoutAnOktaTargetOrAppIdSaysWhatIsMissing() {
    SourceProfile bare = new SourceProfile("4711", "77", Idp.OKTA, "Contoso Okta", null, null);
    SourceProfile noApp = OktaPortFixture.source(new OktaTarget(OktaPayloads.orgUrl(server), " ", "u", "u"));

    assertThat(support(bare).manualBecause()).containsExactly("source 4711/77 has no Okta target (orgUrl, appId) configured");
    assertThat(support(noApp).manualBecause()).singleElement().asString().startsWith("source 4711/77 names no Okta appId");
    SourceProfile injected = OktaPortFixture.source(new OktaTarget(OktaPayloads.orgUrl(server), "0oa1\" or true", "u", "u"));
    assertThat(support(injected).manualBecause()).singleElement().asString()
        .isEqualTo("source 4711/77 names an Okta appId that is not an Okta id (letters and digits)");
    assertThat(server.getRequestCount()).isZero();
    assertThat(new OktaPortFixture(server, clock, 1).port.idp()).isEqualTo(Idp.OKTA);
  }
}
