package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading requests and writing responses on the JDK server, shared by every handler. */
final class HttpExchanges {
  /** The vendors' payloads are small; a cap keeps a runaway client from filling the heap. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private HttpExchanges() {}

  static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
      }
      return bytes;
    }
  }

  /** The JSON body, or null when it is empty or not JSON (callers answer that in their vendor's error format). */
  static JsonNode jsonBody(HttpExchange exchange) throws IOException {
    byte[] bytes = body(exchange);
    if (bytes.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  static Map<String, String> formBody(HttpExchange exchange) throws IOException {
    return decodePairs(new String(body(exchange), StandardCharsets.UTF_8));
  }

  static Map<String, String> query(HttpExchange exchange) {
    return decodePairs(exchange.getRequestURI().getRawQuery());
  }

  static Map<String, String> decodePairs(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The token of an {@code Authorization: Bearer ...} header, or null. */
  static String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return null;
    }
    String trimmed = header.trim();
    if (trimmed.length() < 7 || !trimmed.substring(0, 7).equalsIgnoreCase("Bearer ")) {
      return null;
    }
    String token = trimmed.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
  }

  static void sendJson(HttpExchange exchange, int status, Object body, String contentType) throws IOException {
    send(exchange, status, contentType, Json.MAPPER.writeValueAsBytes(body));
  }

  static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static void sendEmpty(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
