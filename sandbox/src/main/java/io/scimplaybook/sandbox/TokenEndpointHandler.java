package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entra ID's token endpoint, {@code POST /{tenant}/oauth2/v2.0/token} with the client-credentials grant. It is
 * mounted at the root because the tenant is the first path segment, so it also answers 404 for any path nobody else
 * serves.
 *
 * <p>Issued tokens are opaque random strings that Microsoft Graph here accepts; a client must not try to decode them.
 */
final class TokenEndpointHandler implements HttpHandler {
  private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token/?$");
  private static final DateTimeFormatter AAD_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final ScenarioState state;
  private final SandboxConfig config;

  TokenEndpointHandler(ScenarioState state) {
    this.state = state;
    this.config = state.config();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Matcher m = TOKEN_PATH.matcher(exchange.getRequestURI().getPath());
    if (!m.matches()) {
      ObjectNode body = Json.object();
      body.put("error", "not_found");
      body.put("message", "the sandbox serves nothing at " + exchange.getRequestURI().getPath());
      HttpExchanges.sendJson(exchange, 404, body);
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      sendError(exchange, 405, "invalid_request", 900561,
          "The endpoint only accepts POST requests. Received a " + exchange.getRequestMethod() + " request.");
      return;
    }
    if (!config.entraTenantId().equals(m.group(1))) {
      sendError(exchange, 400, "invalid_request", 90002, "Tenant '" + m.group(1) + "' not found.");
      return;
    }
    // Client authentication first, so a wrong secret is always reported as such.
    Map<String, String> form = HttpExchanges.formBody(exchange);
    if (!config.entraClientId().equals(form.get("client_id"))) {
      sendError(exchange, 401, "invalid_client", 700016,
          "Application with identifier '" + form.get("client_id") + "' was not found in the directory '"
              + config.entraTenantId() + "'.");
      return;
    }
    if (!Tokens.same(form.get("client_secret"), config.entraClientSecret())) {
      sendError(exchange, 401, "invalid_client", 7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, "
              + "not the client secret ID, for a secret added to app '" + config.entraClientId() + "'.");
      return;
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      sendError(exchange, 400, "unsupported_grant_type", 70003,
          "The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
      return;
    }
    String scope = form.get("scope");
    if (scope == null || !scope.trim().endsWith("/.default")) {
      sendError(exchange, 400, "invalid_scope", 1002012,
          "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value "
              + "with /.default suffixed to the resource identifier (application ID URI).");
      return;
    }
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", 3599);
    body.put("ext_expires_in", 3599);
    body.put("access_token", state.issueGraphAccessToken());
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private static void sendError(HttpExchange exchange, int status, String error, int code, String description)
      throws IOException {
    Instant now = Instant.now();
    String traceId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", "AADSTS" + code + ": " + description + "\r\nTrace ID: " + traceId
        + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + AAD_TIMESTAMP.format(now));
    body.putArray("error_codes").add(code);
    body.put("timestamp", AAD_TIMESTAMP.format(now));
    body.put("trace_id", traceId);
    body.put("correlation_id", correlationId);
    HttpExchanges.sendJson(exchange, status, body);
  }
}
