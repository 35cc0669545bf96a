package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet stand-in's one entry point. It applies the vendors' documented limits first, answering an over-limit call
 * the way the vendor does (Cato: HTTP 200 with a GraphQL {@code errors} entry saying "rate limit"; Graph: 429
 * {@code TooManyRequests} with {@code Retry-After}), plays the provider-side incident on {@code provisionOnDemand},
 * and hands everything else to the single-source sandbox handlers of the source (or account) the request is about.
 */
final class FleetRouter implements HttpHandler {
  private final FleetStandIn fleet;
  private final FleetLimits limits;
  final RateWindow catoDefault;
  final RateWindow catoEventsFeed;
  final RateWindow catoAuditFeed;
  final RateWindow graphProvisionOnDemand;
  final AtomicLong incidentAnswers = new AtomicLong();

  FleetRouter(FleetStandIn fleet, FleetLimits limits, java.time.Clock clock) {
    this.fleet = fleet;
    this.limits = limits;
    Duration minute = Duration.ofMinutes(1);
    catoDefault = new RateWindow("Cato, per account and query (default)", limits.catoDefaultPerMinute(), minute, clock);
    catoEventsFeed = new RateWindow("Cato eventsFeed, per account", limits.catoEventsFeedPerMinute(), minute, clock);
    catoAuditFeed = new RateWindow("Cato auditFeed, per account", limits.catoAuditFeedPerMinute(), minute, clock);
    graphProvisionOnDemand = new RateWindow("Graph provisionOnDemand, per tenant", limits.graphProvisionOnDemand(),
        limits.graphProvisionOnDemandWindow(), clock);
  }

  List<RateWindow> windows() {
    return List.of(catoDefault, catoEventsFeed, catoAuditFeed, graphProvisionOnDemand);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = HttpExchanges.body(exchange);
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/api/v1/graphql2")) {
        cato(exchange, body);
      } else if (path.startsWith("/scim/v2/")) {
        scim(exchange, body, path);
      } else if (path.startsWith("/v1.0/")) {
        graph(exchange, body, path);
      } else {
        // Entra's token endpoint: one tenant and one app registration for the whole fleet, as one worker has.
        fleet.tenant().tokens().handle(new ForwardedExchange(exchange, body, null));
      }
    }
  }

  private void cato(HttpExchange exchange, byte[] body) throws IOException {
    JsonNode json;
    try {
      json = body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    Optional<GraphqlRequest> request = GraphqlRequest.from(json);
    String account = request.map(FleetRouter::accountOf).orElse(null);
    SimulatedSource target = account == null ? null : fleet.representative(account);
    if (request.isEmpty() || target == null) {
      // The sandbox's own answers for a bad body or an account the key cannot see.
      fleet.tenant().cato().handle(new ForwardedExchange(exchange, body, null));
      return;
    }
    String query = queryName(request.get());
    RateWindow window = switch (query) {
      case "auditFeed" -> catoAuditFeed;
      case "eventsFeed" -> catoEventsFeed;
      default -> catoDefault;
    };
    if (window.acquire(account + " " + query).isPresent()) {
      ObjectNode answer = Json.object();
      answer.putNull("data");
      ObjectNode error = answer.putArray("errors").addObject();
      error.put("message", "rate limit exceeded for query " + query + " on account " + account + ": at most "
          + window.limit() + " requests per minute per account");
      error.putArray("path").add(query.contains(".") ? query.substring(0, query.indexOf('.')) : query);
      HttpExchanges.sendJson(exchange, 200, answer);
      return;
    }
    target.cato().handle(new ForwardedExchange(exchange, body, null));
  }

  /** Cato limits each query separately: {@code xdr} by the field asked for under it. */
  private static String queryName(GraphqlRequest request) {
    String field = request.operationField();
    return field.equals("xdr") ? "xdr." + request.firstChildOf("xdr").orElse("") : field;
  }

  private static String accountOf(GraphqlRequest request) {
    // Queries name it accountID, the xdr mutation (addStoryComment) accountId, the feeds accountIDs.
    for (String name : new String[] {"accountID", "accountId"}) {
      String account = request.stringArgument(name);
      if (account != null) {
        return account;
      }
    }
    JsonNode ids = request.argument("accountIDs");
    return ids != null && ids.isArray() && ids.size() > 0 ? ids.get(0).asText() : null;
  }

  private void scim(HttpExchange exchange, byte[] body, String path) throws IOException {
    String[] s = path.substring("/scim/v2/".length()).split("/");
    SimulatedSource target = s.length >= 2 ? fleet.failingSource(s[0], s[1]) : null;
    (target == null ? fleet.tenant() : target).scim().handle(new ForwardedExchange(exchange, body, null));
  }

  private void graph(HttpExchange exchange, byte[] body, String path) throws IOException {
    SimulatedSource tenant = fleet.tenant();
    String[] s = path.substring("/v1.0/".length()).split("/");
    SimulatedSource target = s.length >= 2 && s[0].equals("servicePrincipals") ? fleet.byServicePrincipal(s[1]) : null;
    if (target == null || !tenant.state().graphAccessTokenValid(HttpExchanges.bearer(exchange))) {
      // Audit logs are tenant-wide; an unknown service principal or a bad token gets the sandbox's own answer.
      tenant.graph().handle(new ForwardedExchange(exchange, body, null));
      return;
    }
    if (path.endsWith("/provisionOnDemand") && "POST".equals(exchange.getRequestMethod())) {
      Optional<Duration> wait = graphProvisionOnDemand.acquire(fleet.tenantId());
      if (wait.isPresent()) {
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
        GraphErrors.send(exchange, 429, "TooManyRequests",
            "Too many requests: provisionOnDemand allows " + limits.graphProvisionOnDemand() + " requests per "
                + limits.graphProvisionOnDemandWindow().toSeconds() + " seconds per tenant. Retry after " + seconds
                + " seconds.");
        return;
      }
      if (target.source().failure() == FleetFailure.PROVIDER_INCIDENT && fleet.incidentActive()) {
        incidentAnswers.incrementAndGet();
        ProvisioningAttempt attempt = new ProvisioningAttempt(
            Tokens.hex(16), target.state().now(), true, SyncFailure.ENDPOINT_ERROR);
        HttpExchanges.sendJson(exchange, 200, ProvisionOnDemandJson.response(
            attempt, target.source().probeObjectId(), target.source().probeUser()));
        return;
      }
    }
    target.graph().handle(new ForwardedExchange(exchange, body, "Bearer " + target.graphToken()));
  }

  Map<String, Long> refusedTotals() {
    return Map.of(catoDefault.name(), catoDefault.refused(), catoEventsFeed.name(), catoEventsFeed.refused(),
        catoAuditFeed.name(), catoAuditFeed.refused(), graphProvisionOnDemand.name(), graphProvisionOnDemand.refused());
  }
}
