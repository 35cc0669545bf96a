package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Graph v1.0, the part the playbook uses: the Cato enterprise app's synchronization job (get, list,
 * provisionOnDemand, validateCredentials, start, restart), its synchronization secrets, and the directory audit and
 * provisioning logs. Every call needs a bearer token from the sandbox's token endpoint.
 */
final class GraphHandler implements HttpHandler {
  private static final String PREFIX = "/v1.0/";

  private final ScenarioState state;
  private final SandboxConfig config;

  GraphHandler(ScenarioState state) {
    this.state = state;
    this.config = state.config();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String token = HttpExchanges.bearer(exchange);
    if (token == null) {
      GraphErrors.send(exchange, 401, "InvalidAuthenticationToken", "Access token is empty.");
      return;
    }
    if (!state.graphAccessTokenValid(token)) {
      GraphErrors.send(exchange, 401, "InvalidAuthenticationToken",
          "Access token validation failure. Invalid audience.");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    List<String> s = List.of(path.substring(PREFIX.length()).split("/"));
    String method = exchange.getRequestMethod();

    if (s.size() == 2 && s.get(0).equals("auditLogs")) {
      if (!allow(exchange, "GET")) {
        return;
      }
      switch (s.get(1)) {
        case "directoryAudits" -> directoryAudits(exchange);
        case "provisioning" -> provisioningLogs(exchange);
        default -> unknownSegment(exchange, s.get(1));
      }
      return;
    }
    if (s.size() < 4 || !s.get(0).equals("servicePrincipals") || !s.get(2).equals("synchronization")) {
      GraphErrors.send(exchange, 400, "BadRequest", "Resource not found for the segment '" + s.get(0) + "'.");
      return;
    }
    if (!config.servicePrincipalId().equals(s.get(1))) {
      GraphErrors.notFound(exchange, s.get(1));
      return;
    }
    if (s.size() == 4 && s.get(3).equals("secrets")) {
      if (allow(exchange, "PUT")) {
        putSecrets(exchange);
      }
      return;
    }
    if (!s.get(3).equals("jobs")) {
      GraphErrors.send(exchange, 400, "BadRequest", "Resource not found for the segment '" + s.get(3) + "'.");
      return;
    }
    if (s.size() == 4) {
      if (allow(exchange, "GET")) {
        ObjectNode list = Json.object();
        list.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('"
            + config.servicePrincipalId() + "')/synchronization/jobs");
        list.putArray("value").add(job());
        HttpExchanges.sendJson(exchange, 200, list);
      }
      return;
    }
    if (!config.jobId().equals(s.get(4))) {
      GraphErrors.notFound(exchange, s.get(4));
      return;
    }
    if (s.size() == 5) {
      if (allow(exchange, "GET")) {
        if (state.throttlesJobRead()) {
          // Graph's throttling answer (graph-error-429.response.json), with the Retry-After it always sends.
          exchange.getResponseHeaders().set("Retry-After", "1");
          GraphErrors.send(exchange, 429, "TooManyRequests", "Please retry again later.");
          return;
        }
        HttpExchanges.sendJson(exchange, 200, job());
      }
      return;
    }
    if (s.size() != 6 || !"POST".equals(method)) {
      if (s.size() == 6) {
        allow(exchange, "POST");
      } else {
        GraphErrors.send(exchange, 400, "BadRequest", "Resource not found for the segment '" + s.get(5) + "'.");
      }
      return;
    }
    switch (s.get(5)) {
      case "provisionOnDemand" -> provisionOnDemand(exchange);
      case "validateCredentials" -> validateCredentials(exchange);
      case "restart" -> {
        JsonNode criteria = HttpExchanges.jsonBody(exchange);
        String scope = criteria == null ? "" : criteria.path("criteria").path("resetScope").asText("");
        if (scope.contains("QuarantineState")) {
          state.restartJob();
        }
        HttpExchanges.sendEmpty(exchange, 204);
      }
      case "start", "pause" -> {
        HttpExchanges.body(exchange);
        HttpExchanges.sendEmpty(exchange, 204);
      }
      default -> unknownSegment(exchange, s.get(5));
    }
  }

  private ObjectNode job() {
    boolean quarantined = state.jobQuarantined();
    return SyncJobJson.job(config, state.currentFailure(), quarantined, state.provisioningAttempts(), state.now());
  }

  private void provisionOnDemand(HttpExchange exchange) throws IOException {
    JsonNode body = HttpExchanges.jsonBody(exchange);
    JsonNode subject = body == null ? null : body.path("parameters").path(0).path("subjects").path(0);
    String objectId = subject == null ? null : Json.text(subject, "objectId");
    if (objectId == null || objectId.isBlank()) {
      GraphErrors.send(exchange, 400, "BadRequest",
          "The request must name one subject: parameters[0].subjects[0].objectId is required.");
      return;
    }
    ProvisioningAttempt attempt = state.provisionOnDemand();
    String upn = objectId.equals(config.probeObjectId()) ? config.probeUserPrincipalName() : objectId;
    HttpExchanges.sendJson(exchange, 200, ProvisionOnDemandJson.response(attempt, objectId, upn));
  }

  /**
   * Entra's "Test Connection". The message follows the portal's wording for a failed test; the error code inside it
   * says whether Cato refused the token or the address led nowhere.
   */
  private void validateCredentials(HttpExchange exchange) throws IOException {
    JsonNode body = HttpExchanges.jsonBody(exchange);
    if (body == null || !body.isObject()) {
      GraphErrors.send(exchange, 400, "BadRequest", "The request body must be a JSON object.");
      return;
    }
    String baseAddress;
    String token;
    if (body.path("useSavedCredentials").asBoolean(false)) {
      baseAddress = state.savedBaseAddress();
      token = state.savedToken();
    } else {
      Map<String, String> credentials = credentials(body.get("credentials"));
      baseAddress = credentials.get("BaseAddress");
      token = credentials.get("SecretToken");
    }
    Optional<String> problem = state.credentialProblem(baseAddress, token);
    if (problem.isEmpty()) {
      HttpExchanges.sendEmpty(exchange, 204);
      return;
    }
    String detail = problem.get().equals("Unauthorized")
        ? "You appear to have entered invalid credentials. Please confirm you are using the correct information for "
            + "an administrative account. "
            + "Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable "
            + "Details: the SCIM endpoint answered 401 Unauthorized: invalid credentials."
        : "We could not reach the SCIM endpoint at the Tenant URL provided. Please confirm the Tenant URL. "
            + "Error code: SystemForCrossDomainIdentityManagementCredentialValidationUnavailable "
            + "Details: the SCIM endpoint answered 404 Not Found.";
    GraphErrors.send(exchange, 400, "BadRequest", detail);
  }

  private void putSecrets(HttpExchange exchange) throws IOException {
    JsonNode body = HttpExchanges.jsonBody(exchange);
    if (body == null || !body.path("value").isArray()) {
      GraphErrors.send(exchange, 400, "BadRequest", "The request body must hold a 'value' list of key/value pairs.");
      return;
    }
    Map<String, String> secrets = credentials(body.get("value"));
    state.saveIdpSecrets(secrets.get("BaseAddress"), secrets.get("SecretToken"));
    HttpExchanges.sendEmpty(exchange, 204);
  }

  private void directoryAudits(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpExchanges.query(exchange);
    ODataFilter filter = ODataFilter.parse(query.get("$filter"));
    List<EntraAuditEntry> entries = new ArrayList<>(state.entraAudits());
    entries.sort(Comparator.comparing(EntraAuditEntry::time).reversed());
    ArrayNode value = Json.array();
    for (EntraAuditEntry entry : entries) {
      if (filter.matches(entry.time(), GraphAuditJson.directoryAuditProperties(entry),
          GraphAuditJson.directoryAuditTargets(entry))) {
        value.add(GraphAuditJson.directoryAudit(entry));
      }
    }
    sendCollection(exchange, GraphAuditJson.DIRECTORY_AUDITS_CONTEXT, top(value, query));
  }

  private void provisioningLogs(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpExchanges.query(exchange);
    ODataFilter filter = ODataFilter.parse(query.get("$filter"));
    List<ProvisioningAttempt> attempts = new ArrayList<>(state.provisioningAttempts());
    attempts.sort(Comparator.comparing(ProvisioningAttempt::time).reversed());
    ArrayNode value = Json.array();
    for (ProvisioningAttempt attempt : attempts) {
      if (filter.matches(attempt.time(), GraphAuditJson.provisioningProperties(attempt, config), List.of())) {
        value.add(GraphAuditJson.provisioning(attempt, config));
      }
    }
    sendCollection(exchange, GraphAuditJson.PROVISIONING_CONTEXT, top(value, query));
  }

  private static ArrayNode top(ArrayNode value, Map<String, String> query) {
    String top = query.get("$top");
    if (top == null) {
      return value;
    }
    try {
      int n = Integer.parseInt(top);
      ArrayNode out = Json.array();
      for (int i = 0; i < Math.min(n, value.size()); i++) {
        out.add(value.get(i));
      }
      return out;
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static void sendCollection(HttpExchange exchange, String context, ArrayNode value) throws IOException {
    ObjectNode body = Json.object();
    body.put("@odata.context", context);
    body.set("value", value);
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private static Map<String, String> credentials(JsonNode pairs) {
    Map<String, String> out = new java.util.HashMap<>();
    if (pairs != null && pairs.isArray()) {
      for (JsonNode pair : pairs) {
        String key = Json.text(pair, "key");
        if (key != null) {
          out.put(key, Json.text(pair, "value"));
        }
      }
    }
    return out;
  }

  private static void unknownSegment(HttpExchange exchange, String segment) throws IOException {
    GraphErrors.send(exchange, 400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
  }

  private static boolean allow(HttpExchange exchange, String method) throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    GraphErrors.send(exchange, 405, "Request_BadRequest",
        "The HTTP method '" + exchange.getRequestMethod() + "' is not allowed here; use " + method + ".");
    return false;
  }
}
