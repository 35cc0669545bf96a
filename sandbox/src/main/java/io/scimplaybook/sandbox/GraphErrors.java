package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Microsoft Graph's error body: {@code {"error": {"code", "message", "innerError": {...}}}}. */
final class GraphErrors {
  private GraphErrors() {}

  static void send(HttpExchange exchange, int status, String code, String message) throws IOException {
    ObjectNode body = Json.object();
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    inner.put("date", Json.time(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    String requestId = UUID.randomUUID().toString();
    inner.put("request-id", requestId);
    inner.put("client-request-id", requestId);
    HttpExchanges.sendJson(exchange, status, body);
  }

  static void notFound(HttpExchange exchange, String resource) throws IOException {
    send(exchange, 404, "Request_ResourceNotFound",
        "Resource '" + resource + "' does not exist or one of its queried reference-property objects are not present.");
  }
}
