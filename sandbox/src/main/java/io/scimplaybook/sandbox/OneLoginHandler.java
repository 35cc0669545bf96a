package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * OneLogin's API, the part the playbook can use (OneLogin has no API to push a user now or to set an app's SCIM token;
 * those stay with a person, see SandboxControlHandler):
 *
 * <pre>
 * POST /auth/oauth2/v2/token     client credentials: Basic auth (or OneLogin's "client_id:ID, client_secret:SECRET"
 *                                header), JSON body {"grant_type":"client_credentials"}
 * GET  /api/1/events             bearer ("Authorization: Bearer T", or v1's "bearer:T"); since, until,
 *                                event_type_id (comma list), user_id, id, limit (max 50), sort (+id, -id,
 *                                +created_at, -created_at; newest first by default), after_cursor / before_cursor
 * GET  /api/1/events/types       no authentication, as OneLogin's reference says
 * </pre>
 *
 * <p>Shapes: OneLogin's v2 token answer ({@code access_token, created_at, expires_in, refresh_token, token_type,
 * account_id}) and its {@code status} envelope for errors ({@code {"status":{"error":true,"code":401,"type":
 * "Unauthorized","message":"Authentication Failure"}}}), as OneLogin's API reference and the SDKs built from it
 * (onelogin/onelogin-python-sdk docs) show them; events and paging: see {@link OneLoginEvents}. Every API answer
 * carries OneLogin's {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (seconds
 * until the hourly window resets); {@code POST /sandbox/idp/throttle} makes the next calls 429.
 */
final class OneLoginHandler implements HttpHandler {
  private static final int MAX_LIMIT = 50;
  private static final int HOURLY_LIMIT = 5000;
  private static final long TOKEN_LIFETIME_SECONDS = 36_000;

  private final ScenarioState state;
  private final SandboxConfig config;
  private final Clock clock;
  private long hour = -1;
  private int usedThisHour;

  OneLoginHandler(ScenarioState state, Clock clock) {
    this.state = state;
    this.config = state.config();
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (config.idp() != SandboxIdp.ONELOGIN) {
      send(exchange, 404, "not found", "this sandbox plays " + config.idp() + ", not OneLogin (start it with --idp "
          + "onelogin)");
      return;
    }
    if (path.equals("/auth/oauth2/v2/token")) {
      if (allow(exchange, "POST")) {
        token(exchange);
      }
      return;
    }
    if (path.equals("/api/1/events/types")) {
      if (allow(exchange, "GET")) {
        HttpExchanges.sendJson(exchange, 200, OneLoginEvents.typesBody());
      }
      return;
    }
    if (!path.equals("/api/1/events")) {
      send(exchange, 404, "not found", "Not Found");
      return;
    }
    if (!allow(exchange, "GET")) {
      return;
    }
    if (!state.oneLoginAccessTokenValid(bearer(exchange))) {
      send(exchange, 401, "Unauthorized", "Authentication Failure");
      return;
    }
    if (state.throttlesIdpCall()) {
      if (state.throttleWithHeaders()) {
        rateLimitHeaders(exchange, true);
      }
      send(exchange, 429, "Too Many Requests", "Rate limit exceeded");
      return;
    }
    rateLimitHeaders(exchange, false);
    events(exchange);
  }

  private void token(HttpExchange exchange) throws IOException {
    String[] credentials = clientCredentials(exchange);
    byte[] raw = HttpExchanges.body(exchange);
    JsonNode body = null;
    try {
      body = raw.length == 0 ? null : Json.MAPPER.readTree(raw);
    } catch (IOException e) {
      // answered below as a missing grant type
    }
    if (credentials == null && body != null && body.isObject()) {
      credentials = new String[] {Json.text(body, "client_id"), Json.text(body, "client_secret")};
    }
    if (credentials == null || !config.onelogin().clientId().equals(credentials[0])
        || !Tokens.same(credentials[1], config.onelogin().clientSecret())) {
      send(exchange, 401, "Unauthorized", "Authentication Failure");
      return;
    }
    if (body == null || !"client_credentials".equals(Json.text(body, "grant_type"))) {
      send(exchange, 400, "bad request", "grant_type is incorrect/absent");
      return;
    }
    ObjectNode answer = Json.object();
    answer.put("access_token", state.issueOneLoginAccessToken());
    answer.put("created_at", Json.time(state.now()));
    answer.put("expires_in", TOKEN_LIFETIME_SECONDS);
    answer.put("refresh_token", Tokens.random(32));
    answer.put("token_type", "bearer");
    answer.put("account_id", config.onelogin().accountId());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    HttpExchanges.sendJson(exchange, 200, answer);
  }

  /** Basic auth, or OneLogin's own {@code client_id:ID, client_secret:SECRET} header; null when neither. */
  private static String[] clientCredentials(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    String id = null;
    String secret = null;
    for (String part : h.split(",")) {
      String p = part.trim();
      if (p.startsWith("client_id:")) {
        id = p.substring("client_id:".length()).trim();
      } else if (p.startsWith("client_secret:")) {
        secret = p.substring("client_secret:".length()).trim();
      }
    }
    return id == null || secret == null ? null : new String[] {id, secret};
  }

  private static String bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (h.regionMatches(true, 0, "bearer:", 0, 7)) {
      return h.substring(7).trim();
    }
    return HttpExchanges.bearer(exchange);
  }

  private void events(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpExchanges.query(exchange);
    Instant since;
    Instant until;
    int limit;
    Set<Long> types;
    try {
      since = query.containsKey("since") ? instant(query.get("since")) : Instant.EPOCH;
      until = query.containsKey("until") ? instant(query.get("until")) : Instant.MAX;
      limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : MAX_LIMIT;
      types = query.containsKey("event_type_id")
          ? java.util.Arrays.stream(query.get("event_type_id").split(",")).map(String::trim).map(Long::parseLong)
              .collect(Collectors.toSet())
          : null;
      if (limit < 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      send(exchange, 400, "bad request", "limit and event_type_id must be integers");
      return;
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "bad request", e.getMessage());
      return;
    }
    limit = Math.min(limit, MAX_LIMIT);
    String sort = query.getOrDefault("sort", "-created_at").trim();
    boolean ascending = sort.startsWith("+") || (!sort.startsWith("-") && !sort.isEmpty());

    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode event : OneLoginEvents.events(state)) {
      Instant at = Instant.parse(event.get("created_at").asText());
      if (at.isBefore(since) || at.isAfter(until)) {
        continue;
      }
      if (types != null && !types.contains(event.get("event_type_id").asLong())) {
        continue;
      }
      if (!fieldMatches(event, "user_id", query) || !fieldMatches(event, "id", query)
          || !fieldMatches(event, "client_id", query) || !fieldMatches(event, "directory_id", query)
          || !fieldMatches(event, "resolution", query)) {
        continue;
      }
      matching.add(event);
    }
    if (!ascending) {
      Collections.reverse(matching);
    }
    int from = 0;
    int to = Math.min(matching.size(), limit);
    String after = query.get("after_cursor");
    String before = query.get("before_cursor");
    if (after != null || before != null) {
      String name = after != null ? "after_cursor" : "before_cursor";
      Optional<Integer> next = indexAfter(matching, after != null ? after : before);
      if (next.isEmpty()) {
        send(exchange, 400, "bad request", name + " is not a cursor this API returned");
        return;
      }
      if (after != null) {
        from = next.get();
        to = Math.min(matching.size(), from + limit);
      } else {
        to = next.get() - 1;
        from = Math.max(0, to - limit);
      }
    }
    List<ObjectNode> page = matching.subList(from, to);

    ObjectNode body = Json.object();
    body.set("status", status(false, 200, "success", "Success"));
    ObjectNode pagination = body.putObject("pagination");
    String beforeCursor = from > 0 && !page.isEmpty() ? cursor(page.get(0)) : null;
    String afterCursor = to < matching.size() ? cursor(page.get(page.size() - 1)) : null;
    pagination.put("before_cursor", beforeCursor);
    pagination.put("after_cursor", afterCursor);
    pagination.put("previous_link", beforeCursor == null ? null : link(exchange, query, "before_cursor", beforeCursor));
    pagination.put("next_link", afterCursor == null ? null : link(exchange, query, "after_cursor", afterCursor));
    ArrayNode data = body.putArray("data");
    page.forEach(data::add);
    HttpExchanges.sendJson(exchange, 200, body);
  }

  private static boolean fieldMatches(ObjectNode event, String field, Map<String, String> query) {
    String wanted = query.get(field);
    return wanted == null || (event.hasNonNull(field) && event.get(field).asText().equals(wanted.trim()));
  }

  private static Optional<Integer> indexAfter(List<ObjectNode> events, String cursor) {
    String id;
    try {
      id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      Long.parseLong(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).get("id").asText().equals(id)) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }

  private static String cursor(ObjectNode event) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(event.get("id").asText().getBytes(StandardCharsets.UTF_8));
  }

  private static String link(HttpExchange exchange, Map<String, String> query, String name, String cursor) {
    Map<String, String> params = new LinkedHashMap<>(query);
    params.remove("after_cursor");
    params.remove("before_cursor");
    params.put(name, cursor);
    String host = exchange.getRequestHeaders().getFirst("Host");
    StringBuilder url = new StringBuilder("http://").append(host == null ? "127.0.0.1" : host).append("/api/1/events");
    char sep = '?';
    for (Map.Entry<String, String> p : params.entrySet()) {
      url.append(sep).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return url.toString();
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("since and until must be ISO 8601 date-times, got " + text);
    }
  }

  private synchronized void rateLimitHeaders(HttpExchange exchange, boolean exhausted) {
    long now = clock.millis() / 1000;
    if (now / 3600 != hour) {
      hour = now / 3600;
      usedThisHour = 0;
    }
    usedThisHour++;
    exchange.getResponseHeaders().set("X-RateLimit-Limit", String.valueOf(HOURLY_LIMIT));
    exchange.getResponseHeaders().set("X-RateLimit-Remaining",
        String.valueOf(exhausted ? 0 : Math.max(0, HOURLY_LIMIT - usedThisHour)));
    exchange.getResponseHeaders().set("X-RateLimit-Reset", String.valueOf((hour + 1) * 3600 - now));
  }

  static ObjectNode status(boolean error, int code, String type, String message) {
    ObjectNode status = Json.object();
    status.put("error", error);
    status.put("code", code);
    status.put("type", type);
    status.put("message", message);
    return status;
  }

  private static void send(HttpExchange exchange, int code, String type, String message) throws IOException {
    ObjectNode body = Json.object();
    body.set("status", status(true, code, type, message));
    HttpExchanges.sendJson(exchange, code, body);
  }

  private static boolean allow(HttpExchange exchange, String method) throws IOException {
    if (method.equals(exchange.getRequestMethod())) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    send(exchange, 405, "method not allowed", "use " + method);
    return false;
  }
}
