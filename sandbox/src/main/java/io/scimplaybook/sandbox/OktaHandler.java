package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Okta's management API, the part the playbook uses, every call behind {@code Authorization: SSWS <api token>} (401
 * {@code E0000011} otherwise; OAuth service-app tokens are not played) and answered with Okta's
 * {@code X-Rate-Limit-*} headers:
 *
 * <pre>
 * GET  /api/v1/logs?since=&amp;until=&amp;filter=&amp;q=&amp;limit=&amp;sortOrder=&amp;after=   System Log (OktaSystemLog)
 * GET  /api/v1/apps/{appId}/users/{userId}                     the probe user's app assignment (syncState, lastSync)
 * POST /api/v1/apps/{appId}/users/{userId}                     update it: pushes the profile to Cato's SCIM now
 * GET  /api/v1/apps/{appId}/connections/default                the provisioning connection (token auth or UNKNOWN)
 * POST /api/v1/apps/{appId}/connections/default[?activate=true] save the SCIM token (where token auth is supported)
 * POST /api/v1/apps/{appId}/connections/default/lifecycle/{activate|deactivate}
 * </pre>
 *
 * <p>Where each shape comes from: the connection bodies are the OpenAPI spec's {@code ProvisioningConnection*}
 * examples (examples/okta-app-connection-default*.json); errors are {@code ErrorInvalidTokenProvided},
 * {@code ErrorAccessDenied}, {@code ErrorTooManyRequests} (examples/okta-error-*.json); the System Log's paging is
 * Okta's: a {@code Link: <...>; rel="self"} header always, and {@code rel="next"} with an opaque {@code after} cursor.
 * As Okta documents for the System Log, a <em>polling</em> request (no {@code until}, ascending) always gets a next
 * link, even on an empty page (a client stops on an empty page); a <em>bounded</em> request (with {@code until}, or
 * descending) gets one only while more events remain. The app user's fields follow Okta's Application User object
 * ({@code id, externalId, created, lastUpdated, scope, status, statusChanged, syncState, lastSync, credentials, profile,
 * _links}). Okta pushes asynchronously; the sandbox pushes before it answers, so the answer already says how it went.
 *
 * <p>Choices the docs leave open, made here and kept: an app without token auth answers its connection GET with
 * {@code authScheme}/{@code status} {@code UNKNOWN} and a POST with 400 {@code E0000001}; {@code ?activate=true}
 * tests the token against Cato's SCIM endpoint first and refuses (400 {@code E0000001}, nothing saved) a token Cato
 * rejects; a filter that does not parse is 400 {@code E0000001}.
 */
final class OktaHandler implements HttpHandler {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;
  /** The System Log's default window when {@code since} is absent. */
  private static final Duration DEFAULT_SINCE = Duration.ofDays(7);

  private final ScenarioState state;
  private final SandboxConfig config;
  private final OktaRateLimit rateLimit;
  private String connectionBaseUrl;
  private boolean connectionEnabled = true;

  OktaHandler(ScenarioState state, java.time.Clock clock) {
    this.state = state;
    this.config = state.config();
    this.rateLimit = new OktaRateLimit(clock);
    this.connectionBaseUrl = "https://scimservice.catonetworks.com:4443" + config.scimPath();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (config.idp() != SandboxIdp.OKTA) {
      OktaErrors.send(exchange, 404, OktaErrors.NOT_FOUND,
          "Not found: this sandbox plays " + config.idp() + ", not Okta (start it with --idp okta)");
      return;
    }
    if (!authorized(exchange)) {
      OktaErrors.invalidToken(exchange);
      return;
    }
    if (state.throttlesIdpCall()) {
      if (state.throttleWithHeaders()) {
        rateLimit.apply(exchange, true);
      }
      OktaErrors.tooManyRequests(exchange);
      return;
    }
    rateLimit.apply(exchange, false);
    String path = exchange.getRequestURI().getPath();
    List<String> s = List.of(path.substring("/api/v1/".length()).split("/"));
    if (s.size() == 1 && s.get(0).equals("logs")) {
      if (allow(exchange, "GET")) {
        logs(exchange);
      }
      return;
    }
    if (s.size() >= 4 && s.get(0).equals("apps")) {
      if (!config.okta().appId().equals(s.get(1))) {
        OktaErrors.notFound(exchange, s.get(1), "AppInstance");
        return;
      }
      if (s.size() == 4 && s.get(2).equals("users")) {
        if (!config.okta().probeUserId().equals(s.get(3))) {
          OktaErrors.notFound(exchange, s.get(3), "AppUser");
          return;
        }
        switch (exchange.getRequestMethod()) {
          case "GET" -> HttpExchanges.sendJson(exchange, 200, appUser(state.latestAttempt()));
          case "POST" -> updateAppUser(exchange);
          default -> allow(exchange, "GET, POST");
        }
        return;
      }
      if (s.get(2).equals("connections") && s.get(3).equals("default")) {
        connection(exchange, s.subList(4, s.size()));
        return;
      }
    }
    OktaErrors.send(exchange, 404, OktaErrors.NOT_FOUND, "Not found: Resource not found: " + path);
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || header.length() < 5 || !header.substring(0, 5).equalsIgnoreCase("SSWS ")) {
      return false;
    }
    return Tokens.same(header.substring(5).trim(), config.okta().apiToken());
  }

  // --- System Log

  private void logs(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpExchanges.query(exchange);
    Instant now = state.now();
    Instant since;
    Instant until;
    int limit;
    Predicate<JsonNode> filter;
    try {
      since = query.containsKey("since") ? instant(query.get("since")) : now.minus(DEFAULT_SINCE);
      until = query.containsKey("until") ? instant(query.get("until")) : now;
      limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : DEFAULT_LIMIT;
      if (limit < 1) {
        throw new IllegalArgumentException("limit: must be a positive integer");
      }
      filter = OktaFilter.parse(query.get("filter"));
    } catch (NumberFormatException e) {
      OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: limit",
          "limit: must be a positive integer");
      return;
    } catch (IllegalArgumentException e) {
      OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: filter", e.getMessage());
      return;
    }
    limit = Math.min(limit, MAX_LIMIT);
    boolean descending = "DESCENDING".equalsIgnoreCase(query.get("sortOrder"));
    boolean polling = !query.containsKey("until") && !descending;
    String keyword = query.get("q");

    List<JsonNode> matching = new ArrayList<>();
    for (ObjectNode event : OktaSystemLog.events(state)) {
      Instant published = Instant.parse(event.get("published").asText());
      if (published.isBefore(since) || !published.isBefore(until)) {
        continue;
      }
      if (filter.test(event) && (keyword == null || keyword.isBlank() || matchesKeywords(event, keyword))) {
        matching.add(event);
      }
    }
    if (descending) {
      Collections.reverse(matching);
    }
    int from = 0;
    if (query.containsKey("after")) {
      Optional<String> afterKey = cursorKey(query.get("after"));
      if (afterKey.isEmpty()) {
        OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: after",
            "after: not a cursor this API returned");
        return;
      }
      from = matching.size();
      for (int i = 0; i < matching.size(); i++) {
        int cmp = key(matching.get(i)).compareTo(afterKey.get());
        if (descending ? cmp < 0 : cmp > 0) {
          from = i;
          break;
        }
      }
    }
    List<JsonNode> page = matching.subList(from, Math.min(matching.size(), from + limit));
    ArrayNode body = Json.array();
    page.forEach(body::add);

    String self = logsUrl(exchange, query, null);
    exchange.getResponseHeaders().add("Link", "<" + self + ">; rel=\"self\"");
    boolean more = from + page.size() < matching.size();
    if (more || polling) {
      String cursor = page.isEmpty() ? query.get("after") : cursor(key(page.get(page.size() - 1)));
      if (cursor != null || more) {
        exchange.getResponseHeaders().add("Link", "<" + logsUrl(exchange, query, cursor) + ">; rel=\"next\"");
      } else {
        // A polling request on an empty log: its next link asks the same again.
        exchange.getResponseHeaders().add("Link", "<" + self + ">; rel=\"next\"");
      }
    }
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private static boolean matchesKeywords(JsonNode event, String keywords) {
    String text = event.toString().toLowerCase(java.util.Locale.ROOT);
    for (String word : keywords.trim().split("\\s+")) {
      if (!text.contains(word.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO 8601 date-time: " + text);
    }
  }

  /** Paging order: published, then uuid; the cursor holds the last returned event's key. */
  private static String key(JsonNode event) {
    return event.get("published").asText() + "|" + event.get("uuid").asText();
  }

  private static String cursor(String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> cursorKey(String cursor) {
    try {
      String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return key.contains("|") ? Optional.of(key) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String logsUrl(HttpExchange exchange, Map<String, String> query, String after) {
    Map<String, String> params = new LinkedHashMap<>(query);
    params.remove("after");
    if (after != null) {
      params.put("after", after);
    }
    StringBuilder url = new StringBuilder(origin(exchange)).append("/api/v1/logs");
    char sep = '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      url.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return url.toString();
  }

  private static String origin(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    return "http://" + (host == null ? "127.0.0.1" : host);
  }

  // --- the probe user's app assignment

  private void updateAppUser(HttpExchange exchange) throws IOException {
    JsonNode body = HttpExchanges.jsonBody(exchange);
    if (body == null || !body.isObject()) {
      OktaErrors.send(exchange, 400, OktaErrors.MALFORMED_BODY, "The request body was not well-formed.");
      return;
    }
    // Updating the assignment pushes the profile, as "Update User Attributes" does in the app's provisioning settings.
    ProvisioningAttempt attempt = state.provisionOnDemand();
    HttpExchanges.sendJson(exchange, 200, appUser(Optional.of(attempt)));
  }

  private ObjectNode appUser(Optional<ProvisioningAttempt> latest) {
    String upn = config.probeUserPrincipalName();
    ObjectNode u = Json.object();
    u.put("id", config.okta().probeUserId());
    u.put("externalId", ScimHandler.PROBE_SCIM_ID);
    Instant assigned = state.story().createdAt().minus(Duration.ofDays(30));
    u.put("created", Json.time(assigned));
    u.put("lastUpdated", Json.time(latest.map(ProvisioningAttempt::time).orElse(assigned)));
    u.put("scope", "USER");
    u.put("status", "PROVISIONED");
    u.put("statusChanged", Json.time(assigned));
    u.putNull("passwordChanged");
    u.put("syncState", latest.map(a -> a.succeeded() ? "SYNCHRONIZED" : "ERROR").orElse("OUT_OF_SYNC"));
    u.put("lastSync", Json.time(latest.map(ProvisioningAttempt::time).orElse(null)));
    u.putObject("credentials").put("userName", upn);
    ObjectNode profile = u.putObject("profile");
    profile.put("email", upn);
    profile.put("givenName", "Probe");
    profile.put("familyName", "User");
    ObjectNode links = u.putObject("_links");
    links.putObject("app").put("href", "/api/v1/apps/" + config.okta().appId());
    links.putObject("user").put("href", "/api/v1/users/" + config.okta().probeUserId());
    return u;
  }

  // --- the provisioning connection

  private void connection(HttpExchange exchange, List<String> rest) throws IOException {
    boolean supported = config.okta().tokenAuthSupported();
    if (rest.size() == 2 && rest.get(0).equals("lifecycle")) {
      if (!allow(exchange, "POST")) {
        return;
      }
      if (!supported) {
        OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: connection",
            "This app does not support a token-based provisioning connection.");
        return;
      }
      switch (rest.get(1)) {
        case "activate" -> connectionEnabled = true;
        case "deactivate" -> connectionEnabled = false;
        default -> {
          OktaErrors.send(exchange, 404, OktaErrors.NOT_FOUND, "Not found: Resource not found: " + rest.get(1));
          return;
        }
      }
      HttpExchanges.sendEmpty(exchange, 204);
      return;
    }
    if (!rest.isEmpty()) {
      OktaErrors.send(exchange, 404, OktaErrors.NOT_FOUND, "Not found: Resource not found: " + String.join("/", rest));
      return;
    }
    switch (exchange.getRequestMethod()) {
      case "GET" -> HttpExchanges.sendJson(exchange, 200, connectionBody(exchange));
      case "POST" -> saveConnection(exchange, supported);
      default -> allow(exchange, "GET, POST");
    }
  }

  private void saveConnection(HttpExchange exchange, boolean supported) throws IOException {
    JsonNode body = HttpExchanges.jsonBody(exchange);
    if (body == null || !body.isObject()) {
      OktaErrors.send(exchange, 400, OktaErrors.MALFORMED_BODY, "The request body was not well-formed.");
      return;
    }
    if (!supported) {
      OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: profile",
          "profile.authScheme: this app does not support a token-based provisioning connection.");
      return;
    }
    String scheme = body.path("profile").path("authScheme").asText("");
    String token = Json.text(body.path("profile"), "token");
    if (!"TOKEN".equals(scheme) || token == null || token.isBlank()) {
      OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: profile",
          "profile: authScheme TOKEN with a non-empty token is required.");
      return;
    }
    boolean activate = "true".equalsIgnoreCase(HttpExchanges.query(exchange).get("activate"));
    if (activate && !state.catoAccepts(token.trim())) {
      OktaErrors.send(exchange, 400, OktaErrors.VALIDATION, "Api validation failed: token",
          "Could not connect to the app with the provided token: the SCIM endpoint answered 401 Unauthorized.");
      return;
    }
    String baseUrl = Json.text(body, "baseUrl");
    if (baseUrl != null && !baseUrl.isBlank()) {
      connectionBaseUrl = baseUrl;
    }
    state.installIdpToken(token.trim(), "okta-api");
    if (activate) {
      connectionEnabled = true;
    }
    HttpExchanges.sendJson(exchange, 200, connectionBody(exchange));
  }

  private ObjectNode connectionBody(HttpExchange exchange) {
    ObjectNode c = Json.object();
    boolean supported = config.okta().tokenAuthSupported();
    String href = origin(exchange) + "/api/v1/apps/" + config.okta().appId() + "/connections/default";
    if (supported) {
      c.put("authScheme", "TOKEN");
      c.put("status", connectionEnabled ? "ENABLED" : "DISABLED");
      c.put("baseUrl", connectionBaseUrl);
      c.putObject("profile").put("authScheme", "TOKEN");
    } else {
      c.put("authScheme", "UNKNOWN");
      c.put("status", "UNKNOWN");
      c.putObject("profile").put("authScheme", "UNKNOWN");
    }
    ObjectNode links = c.putObject("_links");
    ObjectNode self = links.putObject("self");
    self.put("href", href);
    self.putObject("hints").putArray("allow").add("GET").add("POST");
    if (supported) {
      ObjectNode lifecycle = links.putObject(connectionEnabled ? "deactivate" : "activate");
      lifecycle.put("href", href + "/lifecycle/" + (connectionEnabled ? "deactivate" : "activate"));
      lifecycle.putObject("hints").putArray("allow").add("POST");
    }
    return c;
  }

  private static boolean allow(HttpExchange exchange, String methods) throws IOException {
    if (List.of(methods.split(", ")).contains(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", methods);
    OktaErrors.send(exchange, 405, OktaErrors.METHOD_NOT_ALLOWED,
        "The endpoint does not support the provided HTTP method");
    return false;
  }
}
