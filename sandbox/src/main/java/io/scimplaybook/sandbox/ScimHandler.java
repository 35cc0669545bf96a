package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * Cato's SCIM service, read side: {@code GET /scim/v2/{accountId}/{sourceId}/Users} (a ListResponse holding the probe
 * user) and {@code .../Users/{id}}, both behind {@code Authorization: Bearer <token>}. The playbook only asks whether a
 * token is accepted ({@code ?count=1}); the one user is shaped like Cato's documented User resource. Errors use the RFC
 * 7644 error body with {@code status} as a string.
 */
final class ScimHandler implements HttpHandler {
  static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String PROBE_SCIM_ID = "65f1c0de9b7a4e21d3c8a6b1";

  private final ScenarioState state;
  private final SandboxConfig config;

  ScimHandler(ScenarioState state) {
    this.state = state;
    this.config = state.config();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String usersPath = config.scimPath() + "/Users";
    if (config.secondSourceId() != null
        && path.startsWith("/scim/v2/" + config.accountId() + "/" + config.secondSourceId() + "/Users")) {
      // The second source of the account answers like the first: a stand-in that is there, not a second scenario.
      usersPath = "/scim/v2/" + config.accountId() + "/" + config.secondSourceId() + "/Users";
    }
    boolean list = path.equals(usersPath) || path.equals(usersPath + "/");
    boolean one = path.startsWith(usersPath + "/") && !list;
    if (!list && !one) {
      sendError(exchange, 404, "Resource " + path + " not found");
      return;
    }
    if (!"GET".equals(exchange.getRequestMethod())) {
      // Writes are not part of the playbook; refusing them keeps the sandbox's user list fixed.
      sendError(exchange, 405, "The sandbox serves GET only");
      return;
    }
    String token = HttpExchanges.bearer(exchange);
    if (token == null || !state.catoAccepts(token)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      sendError(exchange, 401, "Unauthorized: the bearer token is missing, invalid or was replaced by a newer one");
      return;
    }
    if (one) {
      String id = path.substring(usersPath.length() + 1);
      if (!PROBE_SCIM_ID.equals(id)) {
        sendError(exchange, 404, "User " + id + " not found");
        return;
      }
      HttpExchanges.sendJson(exchange, 200, user(), "application/scim+json");
      return;
    }
    Map<String, String> query = HttpExchanges.query(exchange);
    int count = parse(query.get("count"), 100);
    int startIndex = Math.max(1, parse(query.get("startIndex"), 1));
    ObjectNode response = Json.object();
    response.putArray("schemas").add(LIST_RESPONSE);
    response.put("totalResults", 1);
    ArrayNode resources = Json.array();
    if (count > 0 && startIndex == 1) {
      resources.add(user());
    }
    response.put("itemsPerPage", resources.size());
    response.put("startIndex", startIndex);
    response.set("Resources", resources);
    HttpExchanges.sendJson(exchange, 200, response, "application/scim+json");
  }

  private ObjectNode user() {
    String upn = config.probeUserPrincipalName();
    ObjectNode user = Json.object();
    user.putArray("schemas").add(USER);
    user.put("id", PROBE_SCIM_ID);
    user.put("externalId", config.probeObjectId());
    user.put("userName", upn);
    ObjectNode name = user.putObject("name");
    name.put("givenName", "Probe");
    name.put("familyName", "User");
    ObjectNode email = user.putArray("emails").addObject();
    email.put("primary", true);
    email.put("value", upn);
    email.put("type", "work");
    user.put("active", true);
    return user;
  }

  private static int parse(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static void sendError(HttpExchange exchange, int status, String detail) throws IOException {
    ObjectNode body = Json.object();
    body.putArray("schemas").add(ERROR);
    body.put("status", String.valueOf(status));
    body.put("detail", detail);
    HttpExchanges.sendJson(exchange, status, body, "application/scim+json");
  }
}
