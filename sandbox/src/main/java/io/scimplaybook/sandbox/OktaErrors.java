package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Okta's error body, as its management API's OpenAPI spec publishes it (examples/okta-error-401/403/429.response.json):
 * {@code {errorCode, errorSummary, errorLink, errorId, errorCauses: [{errorSummary}]}}.
 */
final class OktaErrors {
  static final String INVALID_TOKEN = "E0000011";
  static final String NOT_FOUND = "E0000007";
  static final String RATE_LIMIT = "E0000047";
  static final String VALIDATION = "E0000001";
  static final String MALFORMED_BODY = "E0000003";
  static final String METHOD_NOT_ALLOWED = "E0000022";

  private OktaErrors() {}

  static void send(HttpExchange exchange, int status, String code, String summary, String... causes)
      throws IOException {
    ObjectNode body = Json.object();
    body.put("errorCode", code);
    body.put("errorSummary", summary);
    body.put("errorLink", code);
    body.put("errorId", "oae" + Tokens.random(16));
    ArrayNode list = body.putArray("errorCauses");
    for (String cause : causes) {
      list.addObject().put("errorSummary", cause);
    }
    HttpExchanges.sendJson(exchange, status, body);
  }

  static void invalidToken(HttpExchange exchange) throws IOException {
    send(exchange, 401, INVALID_TOKEN, "Invalid token provided");
  }

  static void notFound(HttpExchange exchange, String id, String type) throws IOException {
    send(exchange, 404, NOT_FOUND, "Not found: Resource not found: " + id + " (" + type + ")");
  }

  static void tooManyRequests(HttpExchange exchange) throws IOException {
    send(exchange, 429, RATE_LIMIT, "API call exceeded rate limit due to too many requests.");
  }
}
