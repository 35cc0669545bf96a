package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code /sandbox/...}: what a person would do by hand in the vendors' consoles, and a look at the scenario. Not a
 * vendor API.
 *
 * <ul>
 *   <li>{@code POST /sandbox/cma/scim-token}: CMA's "Generate token"; the new token is the response body
 *       ({@code text/plain}) and the only place it ever appears.
 *   <li>{@code POST /sandbox/cma/revert}: the admin reverts the suspect Domain change (config-change only, else 409).
 *   <li>{@code POST /sandbox/cato/failure}: another scheduled sync fails now; Cato records a new event and reopens a
 *       monitored story. Answers with the event in the webhook's JSON shape.
 *   <li>{@code GET /sandbox/state}: the scenario's state, without tokens.
 *   <li>{@code POST /sandbox/idp/token}: the admin pastes a SCIM token into the IdP's provisioning settings (the
 *       console step of IdPs without a token API: Okta apps without token auth, OneLogin, a custom SCIM app; it works
 *       for every IdP). The token is the request body ({@code text/plain}), never logged or echoed; the answer says
 *       whether Cato accepts it. 400 for an empty body.
 *   <li>{@code POST /sandbox/idp/provision}: the admin pushes the probe user now from the IdP's console (Entra's
 *       "Provision on demand", Okta's push, OneLogin's and a custom app's per-user sync); answers how it went.
 *   <li>{@code POST /sandbox/idp/throttle?count=N[&headers=false]}: the next N Okta / OneLogin API calls are answered
 *       429, with that IdP's rate-limit headers unless {@code headers=false}.
 * </ul>
 */
final class SandboxControlHandler implements HttpHandler {
  private final SandboxServer server;
  private final ScenarioState state;

  SandboxControlHandler(SandboxServer server, ScenarioState state) {
    this.server = server;
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    switch (path) {
      case "/sandbox/state" -> {
        if (expect(exchange, "GET")) {
          HttpExchanges.sendJson(exchange, 200, state.snapshot(), "application/json; charset=utf-8");
        }
      }
      case "/sandbox/cma/scim-token" -> {
        if (expect(exchange, "POST")) {
          exchange.getResponseHeaders().set("Cache-Control", "no-store");
          HttpExchanges.sendText(exchange, 200, state.generateCatoToken());
        }
      }
      case "/sandbox/cma/revert" -> {
        if (expect(exchange, "POST")) {
          revert(exchange);
        }
      }
      case "/sandbox/cato/failure" -> {
        if (expect(exchange, "POST")) {
          state.recordFailure();
          HttpExchanges.sendJson(exchange, 200, server.failureEventBody());
        }
      }
      case "/sandbox/idp/token" -> {
        if (expect(exchange, "POST")) {
          installToken(exchange);
        }
      }
      case "/sandbox/idp/provision" -> {
        if (expect(exchange, "POST")) {
          provision(exchange);
        }
      }
      case "/sandbox/idp/throttle" -> {
        if (expect(exchange, "POST")) {
          throttle(exchange);
        }
      }
      default -> {
        ObjectNode body = Json.object();
        body.put("error", "no sandbox control at " + method + " " + path);
        HttpExchanges.sendJson(exchange, 404, body);
      }
    }
  }

  private void installToken(HttpExchange exchange) throws IOException {
    String token = new String(HttpExchanges.body(exchange), java.nio.charset.StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      ObjectNode body = Json.object();
      body.put("error", "send the token as the request body (text/plain); nothing was changed");
      HttpExchanges.sendJson(exchange, 400, body);
      return;
    }
    state.installIdpToken(token, "it-admin@example.com");
    ObjectNode body = Json.object();
    body.put("installed", true);
    body.put("idp", state.config().idp().wireName());
    body.put("catoAcceptsIt", state.catoAccepts(token));
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private void provision(HttpExchange exchange) throws IOException {
    HttpExchanges.body(exchange);
    ProvisioningAttempt attempt = state.provisionOnDemand();
    ObjectNode body = Json.object();
    body.put("idp", state.config().idp().wireName());
    body.put("user", state.config().probeUserPrincipalName());
    body.put("time", Json.time(attempt.time()));
    body.put("succeeded", attempt.succeeded());
    body.put("failure", attempt.succeeded() ? null : attempt.failure().catoReason());
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private void throttle(HttpExchange exchange) throws IOException {
    java.util.Map<String, String> query = HttpExchanges.query(exchange);
    int count;
    try {
      count = Integer.parseInt(query.getOrDefault("count", "1"));
    } catch (NumberFormatException e) {
      ObjectNode body = Json.object();
      body.put("error", "count must be an integer");
      HttpExchanges.sendJson(exchange, 400, body);
      return;
    }
    boolean headers = !"false".equalsIgnoreCase(query.get("headers"));
    state.throttleIdpCalls(count, headers);
    ObjectNode body = Json.object();
    body.put("throttledCalls", Math.max(0, count));
    body.put("rateLimitHeaders", headers);
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private void revert(HttpExchange exchange) throws IOException {
    if (state.config().scenario() != Scenario.CONFIG_CHANGE) {
      ObjectNode body = Json.object();
      body.put("error", "scenario " + state.config().scenario() + " has no suspect change to revert");
      HttpExchanges.sendJson(exchange, 409, body);
      return;
    }
    ObjectNode body = Json.object();
    body.put("reverted", state.revertDomainChange());
    body.set("state", Json.MAPPER.valueToTree(state.snapshot()));
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private static boolean expect(HttpExchange exchange, String method) throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    ObjectNode body = Json.object();
    body.put("error", "use " + method);
    HttpExchanges.sendJson(exchange, 405, body);
    return false;
  }
}
