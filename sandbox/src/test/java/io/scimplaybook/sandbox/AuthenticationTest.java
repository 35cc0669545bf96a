package io.scimplaybook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private static SandboxServer server;
  private static SandboxHttp http;

  @BeforeAll
  static void start() throws Exception {
    server = SandboxServer.start(SandboxConfig.defaults().withPort(0));
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void catoRejectsAWrongOrMissingApiKeyWithHttp401() {
    for (String key : new String[] {"wrong-key", null}) {
      HttpResponse<String> response = http.graphqlRaw(key, SandboxHttp.STORY, Map.of("accountID", "12345"));
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SandboxHttp.json(response).path("errors").get(0).path("message").asText()).contains("x-api-key");
    }
  }

  @Test
  void anAccountTheKeyCannotSeeIsAGraphqlError() {
    HttpResponse<String> response = http.graphqlRaw(server.config().catoApiKey(), SandboxHttp.EVENTS,
        Map.of("accountID", "999", "timeFrame", "last.PT1H"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = SandboxHttp.json(response);
    assertThat(body.path("errors").get(0).path("message").asText()).contains("999");
    assertThat(body.path("data").path("events").isNull()).isTrue();

    JsonNode feed = http.graphql(SandboxHttp.EVENTS_FEED, Map.of("accountIDs", java.util.List.of("12345", "999")));
    assertThat(feed.path("errors")).hasSize(1);
  }

  @Test
  void entraRejectsAWrongClientSecretOrClientId() {
    HttpResponse<String> badSecret = http.tokenRaw(server.config().entraClientId(), "not-the-secret");
    assertThat(badSecret.statusCode()).isEqualTo(401);
    JsonNode body = SandboxHttp.json(badSecret);
    assertThat(body.path("error").asText()).isEqualTo("invalid_client");
    assertThat(body.path("error_description").asText()).startsWith("AADSTS7000215");
    assertThat(body.path("error_codes").get(0).asInt()).isEqualTo(7000215);

    HttpResponse<String> badClient = http.tokenRaw("11111111-2222-3333-4444-555555555555",
        server.config().entraClientSecret());
    assertThat(badClient.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(badClient).path("error").asText()).isEqualTo("invalid_client");

    HttpResponse<String> good = http.tokenRaw(server.config().entraClientId(), server.config().entraClientSecret());
    assertThat(good.statusCode()).isEqualTo(200);
    JsonNode token = SandboxHttp.json(good);
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asInt()).isEqualTo(3599);
    assertThat(token.path("access_token").asText()).isNotBlank();
  }

  @Test
  void graphWantsABearerTokenFromTheTokenEndpoint() {
    for (String bearer : new String[] {null, "made-up-token"}) {
      HttpResponse<String> response = http.graph("GET", http.jobPath(), bearer, null);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(SandboxHttp.json(response).path("error").path("code").asText())
          .isEqualTo("InvalidAuthenticationToken");
    }
    assertThat(http.graph("GET", http.jobPath(), http.graphToken(), null).statusCode()).isEqualTo(200);
  }

  @Test
  void throttledJobReadsAreGraphs429WithRetryAfterThenTheJob() {
    String graph = http.graphToken();
    server.throttleJobReads(2);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> refused = http.graph("GET", http.jobPath(), graph, null);
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(SandboxHttp.json(refused).path("error").path("code").asText()).isEqualTo("TooManyRequests");
    }
    assertThat(http.graph("GET", http.jobPath(), graph, null).statusCode()).isEqualTo(200);
  }

  @Test
  void graphAnswers404ForUnknownServicePrincipalsAndJobs() {
    String graph = http.graphToken();
    HttpResponse<String> sp = http.graph("GET", "/servicePrincipals/00000000-0000-0000-0000-000000000000"
        + "/synchronization/jobs/" + server.config().jobId(), graph, null);
    assertThat(sp.statusCode()).isEqualTo(404);
    assertThat(SandboxHttp.json(sp).path("error").path("code").asText()).isEqualTo("Request_ResourceNotFound");
    HttpResponse<String> job = http.graph("GET", "/servicePrincipals/" + server.config().servicePrincipalId()
        + "/synchronization/jobs/nope", graph, null);
    assertThat(job.statusCode()).isEqualTo(404);
  }

  @Test
  void scimAcceptsOnlyTheTokenCatoCurrentlyHolds() {
    HttpResponse<String> none = http.scimUsers(null);
    assertThat(none.statusCode()).isEqualTo(401);
    JsonNode error = SandboxHttp.json(none);
    assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(error.path("status").isTextual()).isTrue();
    assertThat(error.path("status").asText()).isEqualTo("401");
    assertThat(error.path("detail").asText()).isNotBlank();

    String token = server.generateCatoToken();
    HttpResponse<String> ok = http.scimUsers(token);
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode list = SandboxHttp.json(ok);
    assertThat(list.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(list.path("totalResults").asInt()).isEqualTo(1);
    assertThat(list.path("itemsPerPage").asInt()).isEqualTo(1);
    assertThat(list.path("startIndex").asInt()).isEqualTo(1);
    JsonNode user = list.path("Resources").get(0);
    assertThat(user.path("userName").asText()).isEqualTo(server.config().probeUserPrincipalName());
    assertThat(user.path("emails").get(0).path("primary").asBoolean()).isTrue();
    assertThat(user.path("active").asBoolean()).isTrue();

    server.generateCatoToken();
    assertThat(http.scimUsers(token).statusCode()).isEqualTo(401);
  }
}
