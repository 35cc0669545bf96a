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
      default -> {
        ObjectNode body = Json.object();
        body.put("error", "no sandbox control at " + method + " " + path);
        HttpExchanges.sendJson(exchange, 404, body);
      }
    }
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
