package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A test's HTTP client for one running sandbox, speaking each vendor's protocol the way the project's clients do. */
final class SandboxHttp {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final String EVENTS = "query events($accountID: ID!, $timeFrame: TimeFrame!, $filters: [EventsFilter!]) {"
      + " events(accountID: $accountID, timeFrame: $timeFrame, filters: $filters) {"
      + " from to total records { fieldsMap flatFields } } }";
  static final String STORIES = "query xdrStories($accountID: ID!, $input: StoryInput!) {"
      + " xdr(accountID: $accountID) { stories(input: $input) { paging { from limit total }"
      + " items { id createdAt updatedAt summary incident { id indication status firstSignal lastSignal producer"
      + " ... on AiOperationsIncident { accountOperationIncident { metadata { key value } } } } } } } }";
  static final String STORY = "query xdrStory($accountID: ID!, $storyId: ID) {"
      + " xdr(accountID: $accountID) { story(storyId: $storyId) { id updatedAt incident { status indication } } } }";
  static final String AUDIT_FEED = "query auditFeed($accountIDs: [ID!], $timeFrame: TimeFrame!,"
      + " $filters: [AuditFieldFilterInput!], $marker: String) {"
      + " auditFeed(accountIDs: $accountIDs, timeFrame: $timeFrame, filters: $filters, marker: $marker) {"
      + " from to marker fetchedCount hasMore"
      + " accounts { id records { admin { id name type } object { id name type } time fieldsMap } } } }";
  static final String EVENTS_FEED = "query eventsFeed($accountIDs: [ID!], $filters: [EventFeedFieldFilterInput!],"
      + " $marker: String) { eventsFeed(accountIDs: $accountIDs, filters: $filters, marker: $marker) {"
      + " marker fetchedCount accounts { id errorString records { time fieldsMap } } } }";

  private final HttpClient client = HttpClient.newHttpClient();
  private final SandboxServer server;
  private final SandboxConfig config;

  SandboxHttp(SandboxServer server) {
    this.server = server;
    this.config = server.config();
  }

  URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  // --- Cato GraphQL

  HttpResponse<String> graphqlRaw(String apiKey, String query, Object variables) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("query", query);
    body.set("variables", MAPPER.valueToTree(variables));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/graphql2"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (apiKey != null) {
      request.header("x-api-key", apiKey);
    }
    return send(request);
  }

  JsonNode graphql(String query, Object variables) {
    HttpResponse<String> response = graphqlRaw(config.catoApiKey(), query, variables);
    if (response.statusCode() != 200) {
      throw new AssertionError("GraphQL HTTP " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  JsonNode auditPage(String timeFrame, String marker, boolean domainOnly) {
    Object filters = domainOnly
        ? java.util.List.of(Map.of("fieldName", Map.of("AuditFieldName", "model_type"), "operator", "is",
            "values", java.util.List.of("Domain")))
        : java.util.List.of();
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("accountIDs", java.util.List.of(config.accountId()));
    variables.put("timeFrame", timeFrame);
    variables.put("filters", filters);
    variables.put("marker", marker);
    return graphql(AUDIT_FEED, variables).path("data").path("auditFeed");
  }

  JsonNode story() {
    return graphql(STORY, Map.of("accountID", config.accountId(), "storyId", server.storyId()))
        .path("data").path("xdr").path("story");
  }

  // --- Cato SCIM

  HttpResponse<String> scimUsers(String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(config.scimPath() + "/Users?count=1")).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  // --- Entra token endpoint and Graph

  HttpResponse<String> tokenRaw(String clientId, String clientSecret) {
    String form = Map.of(
            "client_id", clientId,
            "client_secret", clientSecret,
            "scope", "https://graph.microsoft.com/.default",
            "grant_type", "client_credentials")
        .entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri("/" + config.entraTenantId() + "/oauth2/v2.0/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  String graphToken() {
    HttpResponse<String> response = tokenRaw(config.entraClientId(), config.entraClientSecret());
    if (response.statusCode() != 200) {
      throw new AssertionError("token HTTP " + response.statusCode() + ": " + response.body());
    }
    return json(response).path("access_token").asText();
  }

  HttpResponse<String> graph(String method, String path, String bearer, Object body) {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(MAPPER.valueToTree(body).toString());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1.0" + path)).method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  String jobPath() {
    return "/servicePrincipals/" + config.servicePrincipalId() + "/synchronization/jobs/" + config.jobId();
  }

  HttpResponse<String> provisionOnDemand(String bearer) {
    Map<String, Object> body = Map.of("parameters", java.util.List.of(Map.of(
        "subjects", java.util.List.of(Map.of("objectId", config.probeObjectId(), "objectTypeName", "User")),
        "ruleId", "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8")));
    return graph("POST", jobPath() + "/provisionOnDemand", bearer, body);
  }

  /** The provisioning steps inside provisionOnDemand's {@code value} string. */
  static JsonNode provisioningValue(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(json(response).path("value").asText());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode exportStep(HttpResponse<String> response) {
    JsonNode steps = provisioningValue(response).path("provisioningSteps");
    return steps.get(steps.size() - 1);
  }

  HttpResponse<String> validateCredentials(String bearer, String baseAddress, String secretToken) {
    Map<String, Object> body = Map.of("useSavedCredentials", false, "credentials", java.util.List.of(
        Map.of("key", "BaseAddress", "value", baseAddress),
        Map.of("key", "SecretToken", "value", secretToken)));
    return graph("POST", jobPath() + "/validateCredentials", bearer, body);
  }

  HttpResponse<String> putSecrets(String bearer, String baseAddress, String secretToken) {
    Map<String, Object> body = Map.of("value", java.util.List.of(
        Map.of("key", "BaseAddress", "value", baseAddress),
        Map.of("key", "SecretToken", "value", secretToken)));
    return graph("PUT", "/servicePrincipals/" + config.servicePrincipalId() + "/synchronization/secrets", bearer, body);
  }

  String scimBaseAddress() {
    return server.baseUrl() + config.scimPath();
  }

  // --- sandbox controls

  HttpResponse<String> control(String method, String path) {
    return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  String generateCmaToken() {
    HttpResponse<String> response = control("POST", "/sandbox/cma/scim-token");
    if (response.statusCode() != 200) {
      throw new AssertionError("scim-token HTTP " + response.statusCode());
    }
    return response.body();
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
