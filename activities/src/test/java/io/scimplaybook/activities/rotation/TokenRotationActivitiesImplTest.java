package io.scimplaybook.activities.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.custom.CustomScimIdpPort;
import io.scimplaybook.activities.entra.EntraGraphClient;
import io.scimplaybook.activities.entra.EntraIdpPort;
import io.scimplaybook.activities.entra.GraphPayloads;
import io.scimplaybook.activities.entra.MutableClock;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.activities.scim.CatoScimClient;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealed token in, real HTTP out: Cato's SCIM service and Entra (token endpoint and Graph) on one mock server. */
class TokenRotationActivitiesImplTest {
  static final String TOKEN = "8f2c1e9a7b6d5c4e3f2a1b0c9d8e7f6a";
  static final String SP_ID = "b5e2f0c4-7d3a-4f6e-9a1b-2c3d4e5f6a7b";
  static final String JOB_ID = "scim.b5e2f0c47d3a4f6e9a1b2c3d4e5f6a7b.catonetworks";

  MockWebServer server;
  TokenSeal seal;
  TokenRotationActivitiesImpl activities;
  SourceProfile entraSource;
  String tenantUrl;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    seal = TokenSeal.fromBase64Key(TokenSeal.newBase64Key());
    MutableClock clock = new MutableClock(Instant.parse("2025-05-01T10:00:00Z"));
    EntraGraphClient graph = new EntraGraphClient(GraphPayloads.settings(server), new OkHttpClient(), clock);
    activities = new TokenRotationActivitiesImpl(
        seal, new CatoScimClient(new OkHttpClient(), clock), List.of(new EntraIdpPort(graph), new CustomScimIdpPort()));
    String scimBase = server.url("/scim/v2").toString();
    entraSource =
        new SourceProfile(
            "4711", "90210", Idp.ENTRA_ID, "Contoso Entra", scimBase,
            new EntraTarget(SP_ID, JOB_ID, "rule", "probe-id", "probe@contoso.com"));
    tenantUrl = scimBase + "/4711/90210";
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  @Test
  void checkTokenAtCatoOpensTheTokenAndAsksTheSourcesScimEndpoint() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(200).setBody("{\"totalResults\":0,\"Resources\":[]}"));

    TokenCheck check = activities.checkTokenAtCato(entraSource, seal.seal(TOKEN));

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/scim/v2/4711/90210/Users");
    assertThat(request.getRequestUrl().queryParameter("count")).isEqualTo("1");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(check.accepted()).isTrue();
    assertThat(check.detail()).doesNotContain(TOKEN);
  }

  @Test
  void aRefusedTokenIsAnAnswerWhoseDetailNeverHoldsTheToken() {
    server.enqueue(
        new MockResponse().setResponseCode(401).setBody(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\","
                + "\"detail\":\"Bearer " + TOKEN + " is not valid\"}"));

    TokenCheck check = activities.checkTokenAtCato(entraSource, seal.seal(TOKEN));

    assertThat(check.accepted()).isFalse();
    assertThat(check.detail()).contains("401", "is not valid").doesNotContain(TOKEN);
  }

  @Test
  void testTokenAtIdpValidatesTheTenantUrlAndTokenInEntra() throws Exception {
    server.enqueue(GraphPayloads.token("graph-token", 3599));
    server.enqueue(new MockResponse().setResponseCode(204));

    TokenCheck check = activities.testTokenAtIdp(entraSource, seal.seal(TOKEN));

    take(); // token endpoint
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getRequestUrl().encodedPath())
        .isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/jobs/" + JOB_ID + "/validateCredentials");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer graph-token");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    JsonNode body = GraphPayloads.body(request);
    assertThat(body.get("useSavedCredentials").asBoolean(true)).isFalse();
    assertThat(body.at("/credentials/0/key").asText()).isEqualTo("BaseAddress");
    assertThat(body.at("/credentials/0/value").asText()).isEqualTo(tenantUrl);
    assertThat(body.at("/credentials/1/key").asText()).isEqualTo("SecretToken");
    assertThat(body.at("/credentials/1/value").asText()).isEqualTo(TOKEN);
    assertThat(check.accepted()).isTrue();
    assertThat(check.detail()).isEqualTo("Entra test connection succeeded for " + tenantUrl);
  }

  @Test
  void entraRejectingTheCredentialsIsAnAnswerWithoutTheToken() {
    server.enqueue(GraphPayloads.token("graph-token", 3599));
    server.enqueue(
        GraphPayloads.jsonResponse(
            400,
            "{\"error\":{\"code\":\"SystemForCrossDomainIdentityManagementCredentialValidationUnauthorized\","
                + "\"message\":\"The SCIM endpoint refused SecretToken=" + TOKEN + "\"}}"));

    TokenCheck check = activities.testTokenAtIdp(entraSource, seal.seal(TOKEN));

    assertThat(check.accepted()).isFalse();
    assertThat(check.detail())
        .contains("SystemForCrossDomainIdentityManagementCredentialValidationUnauthorized")
        .doesNotContain(TOKEN);
  }

  @Test
  void saveTokenAtIdpPutsTheTenantUrlAndTokenAsSecrets() throws Exception {
    server.enqueue(GraphPayloads.token("graph-token", 3599));
    server.enqueue(new MockResponse().setResponseCode(204));

    activities.saveTokenAtIdp(entraSource, seal.seal(TOKEN));

    take();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/v1.0/servicePrincipals/" + SP_ID + "/synchronization/secrets");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer graph-token");
    assertThat(GraphPayloads.body(request))
        .isEqualTo(
            GraphPayloads.json(
                "{\"value\":[{\"key\":\"BaseAddress\",\"value\":\"" + tenantUrl + "\"},"
                    + "{\"key\":\"SecretToken\",\"value\":\"" + TOKEN + "\"}]}"));
  }

  @Test
  void aConfiguredTenantUrlIsSavedAsBaseAddressInsteadOfTheDerivedOne() throws Exception {
    String adminsUrl = "https://scimservice.catonetworks.com:4443/scim/v2/4711/90210/";
    SourceProfile configured = new SourceProfile(entraSource.accountId(), entraSource.sourceId(), entraSource.idp(),
        entraSource.displayName(), entraSource.scimBaseUrl(), entraSource.entra(), " " + adminsUrl + " ");
    server.enqueue(GraphPayloads.token("graph-token", 3599));
    server.enqueue(new MockResponse().setResponseCode(204));

    activities.saveTokenAtIdp(configured, seal.seal(TOKEN));

    take();
    assertThat(GraphPayloads.body(take()).at("/value/0/value").asText()).isEqualTo(adminsUrl);
  }

  @Test
  void graphRefusingTheWorkersCredentialsIsNonRetryableAndKeepsTheTokenOut() {
    server.enqueue(
        GraphPayloads.jsonResponse(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: The provided client secret keys are expired.\"}"));

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.saveTokenAtIdp(entraSource, seal.seal(TOKEN)), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.AUTHENTICATION);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("AADSTS7000222").doesNotContain(TOKEN);
  }

  @Test
  void aTokenSealedForAnotherWorkerIsAnInvalidRequestAndNothingIsSent() {
    SealedToken foreign = TokenSeal.fromBase64Key(TokenSeal.newBase64Key()).seal(TOKEN);

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.checkTokenAtCato(entraSource, foreign), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("sealed with key").doesNotContain(TOKEN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTamperedTokenIsAnInvalidRequest() {
    SealedToken sealed = seal.seal(TOKEN);
    char[] chars = sealed.ciphertext().toCharArray();
    chars[20] = chars[20] == 'A' ? 'B' : 'A';
    SealedToken tampered = new SealedToken(sealed.keyId(), new String(chars));

    ApplicationFailure failure =
        catchThrowableOfType(() -> activities.testTokenAtIdp(entraSource, tampered), ApplicationFailure.class);

    assertThat(failure.getType()).isEqualTo(FailureTypes.INVALID_REQUEST);
    assertThat(failure.getOriginalMessage()).contains("does not open");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void otherIdpsHaveNoApiForTestOrSaveSoTheStepsAreConfigurationFailures() throws Exception {
    SourceProfile okta = new SourceProfile("4711", "90210", Idp.OKTA, "Okta", entraSource.scimBaseUrl(), null);
    server.enqueue(new MockResponse().setResponseCode(200).setBody("{}"));

    ApplicationFailure test = catchThrowableOfType(() -> activities.testTokenAtIdp(okta, seal.seal(TOKEN)), ApplicationFailure.class);
    ApplicationFailure save = catchThrowableOfType(() -> activities.saveTokenAtIdp(okta, seal.seal(TOKEN)), ApplicationFailure.class);
    TokenCheck atCato = activities.checkTokenAtCato(okta, seal.seal(TOKEN));

    assertThat(test.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(test.isNonRetryable()).isTrue();
    assertThat(test.getOriginalMessage()).contains("Okta", "scim-playbook.okta.orgs[url=");
    assertThat(save.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(atCato.accepted()).as("Cato's side does not depend on the IdP").isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(take().getRequestUrl().encodedPath()).isEqualTo("/scim/v2/4711/90210/Users");
  }

  @Test
  void aPortWithoutTokenSupportRefusesTheStepAsConfigurationAndNothingReachesAnIdp() {
    SourceProfile custom = new SourceProfile("4711", "90210", Idp.CUSTOM, "Custom", entraSource.scimBaseUrl(), null);

    ApplicationFailure save =
        catchThrowableOfType(() -> activities.saveTokenAtIdp(custom, seal.seal(TOKEN)), ApplicationFailure.class);

    assertThat(save.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(save.isNonRetryable()).isTrue();
    assertThat(save.getOriginalMessage()).contains("Custom SCIM app", "SAVE_TOKEN").doesNotContain(TOKEN);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theTenantUrlReachesThePortWhicheverIdpItIs() {
    String[] seen = new String[2];
    IdpPort recording = new IdpPort() {
      @Override
      public Idp idp() {
        return Idp.OKTA;
      }

      @Override
      public IdpSupport support(SourceProfile source) {
        return IdpSupport.none("test");
      }

      @Override
      public TokenCheck testToken(SourceProfile source, String tenantUrl, String token) {
        seen[0] = tenantUrl;
        seen[1] = token;
        return new TokenCheck(true, "ok");
      }
    };
    TokenRotationActivitiesImpl okta = new TokenRotationActivitiesImpl(
        seal, new CatoScimClient(new OkHttpClient(), new MutableClock(Instant.EPOCH)), List.of(recording));
    SourceProfile source = new SourceProfile("4711", "90210", Idp.OKTA, "Okta", entraSource.scimBaseUrl(), null);

    assertThat(okta.testTokenAtIdp(source, seal.seal(TOKEN)).accepted()).isTrue();
    assertThat(seen).containsExactly(tenantUrl, TOKEN);
  }
}
