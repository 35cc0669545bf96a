package io.scimplaybook.activities.okta;

import static io.scimplaybook.activities.okta.OktaPayloads.ACCESS_TOKEN;
import static io.scimplaybook.activities.okta.OktaPayloads.CLIENT_ID;
import static io.scimplaybook.activities.okta.OktaPayloads.PRIVATE_KEY_PEM;
import static io.scimplaybook.activities.okta.OktaPayloads.accessToken;
import static io.scimplaybook.activities.okta.OktaPayloads.jsonResponse;
import static io.scimplaybook.activities.okta.OktaPayloads.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An OAuth service app: the private_key_jwt assertion, the client-credentials grant and the cached access token. */
class ServiceAppTokenTest extends OktaServerTest {
  static final Instant FROM = Instant.parse("2025-05-01T08:00:00Z");

  @BeforeEach
  void serviceApp() {
    client = new OktaClient(OktaPayloads.serviceAppSettings(server), new OkHttpClient(), clock);
  }

  @Test
  void asksForATokenWithAnRs256AssertionTheOrgCanVerifyAndUsesItAsBearer() throws Exception {
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(200, "[]"));

    client.logs(FROM, NOW, null);

    RecordedRequest tokenRequest = take();
    assertThat(tokenRequest.getPath()).isEqualTo("/oauth2/v1/token");
    Map<String, String> form = form(tokenRequest.getBody().readUtf8());
    assertThat(form).containsEntry("grant_type", "client_credentials")
        .containsEntry("scope", "okta.logs.read okta.apps.manage")
        .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    String[] jwt = form.get("client_assertion").split("\\.");
    assertThat(jwt).hasSize(3);
    JsonNode header = OktaPayloads.json(decode(jwt[0]));
    JsonNode claims = OktaPayloads.json(decode(jwt[1]));
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(header.get("kid").asText()).isEqualTo("kid-1");
    assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("sub").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("aud").asText()).isEqualTo(server.url("/oauth2/v1/token").toString());
    assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(NOW.plus(ClientAssertion.LIFETIME).getEpochSecond());
    assertThat(claims.get("jti").asText()).isNotBlank();
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(OktaPayloads.KEYS.getPublic());
    rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signature verifies with the public key").isTrue();

    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
  }

  @Test
  void theTokenIsReusedUntilShortlyBeforeItExpiresThenFetchedAgainWithAFreshJti() throws Exception {
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(200, "[]"));
    server.enqueue(jsonResponse(200, "[]"));
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(200, "[]"));

    client.logs(FROM, NOW, null);
    clock.advance(Duration.ofMinutes(57));
    client.logs(FROM, NOW, null);
    clock.advance(Duration.ofMinutes(2));
    client.logs(FROM, NOW, null);

    String firstJti = jti(take());
    take();
    assertThat(take().getPath()).startsWith("/api/v1/logs");
    String secondJti = jti(take());
    assertThat(secondJti).isNotEqualTo(firstJti);
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aCachedTokenOktaRefusesIsReplacedOnceAndTheCallRepeated() throws Exception {
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(200, "[]"));
    server.enqueue(jsonResponse(401, resource("okta-error-401.response.json")));
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(200, "[]"));

    client.logs(FROM, NOW, null);
    client.logs(FROM, NOW, null);

    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aFreshTokenOktaRefusesEndsTheCallAsAuthentication() {
    server.enqueue(accessToken(3600));
    server.enqueue(jsonResponse(401, resource("okta-error-401.response.json")));

    ApiCallException e = catchThrowableOfType(() -> client.logs(FROM, NOW, null), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage()).contains("E0000011", "Invalid token provided", "service app " + CLIENT_ID);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aTokenEndpointThatWantsDpopSaysHowToFixTheServiceApp() {
    server.enqueue(jsonResponse(400, "{\"error\":\"invalid_dpop_proof\",\"error_description\":\"The DPoP proof JWT header is missing.\"}"));

    ApiCallException e = catchThrowableOfType(() -> client.logs(FROM, NOW, null), ApiCallException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(e.getMessage()).startsWith("Okta token endpoint: token request for service app " + CLIENT_ID
        + " returned 400 invalid_dpop_proof").contains("Require Demonstrating Proof of Possession");
  }

  @Test
  void settingsWithoutACredentialOrWithAKeyThatIsNotPkcs8AreRefusedWithoutQuotingTheKey() {
    String pkcs1 = PRIVATE_KEY_PEM.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY");
    String broken = PRIVATE_KEY_PEM.substring(0, 200) + "\n-----END PRIVATE KEY-----";
    String url = OktaPayloads.orgUrl(server);

    assertThatThrownBy(() -> new OktaClient(new OktaOrgSettings(url, null, null, null, null, null, null)))
        .hasMessageContaining("neither an apiToken nor a service app");
    assertThatThrownBy(() -> new OktaClient(new OktaOrgSettings(url, null, CLIENT_ID, pkcs1, null, null, null)))
        .hasMessageContaining("PKCS#8").hasMessageNotContaining(pkcs1.substring(40, 80));
    assertThatThrownBy(() -> new OktaClient(new OktaOrgSettings(url, null, CLIENT_ID, broken, null, null, null)))
        .hasMessageContaining("not a PKCS#8 RSA private key").hasMessageNotContaining(broken.substring(40, 80));
    assertThatThrownBy(() -> new OktaClient(new OktaOrgSettings("not a url", "t", null, null, null, null, null)))
        .hasMessageContaining("org url");
  }

  private static String jti(RecordedRequest tokenRequest) {
    assertThat(tokenRequest.getPath()).isEqualTo("/oauth2/v1/token");
    String[] jwt = form(tokenRequest.getBody().readUtf8()).get("client_assertion").split("\\.");
    return OktaPayloads.json(decode(jwt[1])).get("jti").asText();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }
}
