package io.scimplaybook.activities.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.AccessTokenCache;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OneLogin calls the playbook needs: the event types and the events (docs/onelogin-api.md). One instance per
 * account; thread-safe, sharing its cached access token and event types.
 *
 * <p>Secrets (the client secret, the access token) never reach a log line or an exception message: requests are
 * logged by path and status only, and vendor error text is redacted.
 */
public class OneLoginClient {
  static final String API = "OneLogin API";
  private static final Logger log = LoggerFactory.getLogger(OneLoginClient.class);
  /** OneLogin returns up to 50 events a page. */
  static final int PAGE_SIZE = 50;
  /** Playbook windows are hours long; more pages than this is a filter OneLogin did not apply, not evidence. */
  static final int MAX_PAGES = 20;
  /** OneLogin rate-limits the type list and asks clients to cache it for up to 24 hours. */
  static final Duration TYPES_TTL = Duration.ofHours(24);
  private static final int MAX_MESSAGE = 1000;
  /** The documented form: "2016-01-21T09:20:15.990Z". */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final OneLoginSettings settings;
  private final OkHttpClient http;
  private final Clock clock;
  private final HttpUrl base;
  private final AccessTokenCache tokens;
  private final Object typesLock = new Object();
  private List<OneLoginEventType> types; // guarded by typesLock
  private Instant typesFetchedAt; // guarded by typesLock

  public OneLoginClient(OneLoginSettings settings) {
    this(settings, defaultHttp(settings.timeout()), Clock.systemUTC());
  }

  public OneLoginClient(OneLoginSettings settings, OkHttpClient http, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    // A redirect would carry the bearer token to wherever it points; OneLogin's API does not redirect these calls.
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.clock = Objects.requireNonNull(clock, "clock");
    HttpUrl url = settings.url() == null ? null : HttpUrl.parse(settings.url());
    if (url == null) {
      throw new IllegalArgumentException("OneLogin account url is not an http(s) URL: " + settings.url());
    }
    this.base = url;
    this.tokens = new AccessTokenCache(new OneLoginAccessTokens(settings, this.http, clock), clock);
  }

  private static OkHttpClient defaultHttp(Duration timeout) {
    return new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).build();
  }

  public OneLoginSettings settings() {
    return settings;
  }

  /** Every event type of the account ({@code GET /api/1/events/types}), cached for {@link #TYPES_TTL}. */
  public List<OneLoginEventType> eventTypes() {
    synchronized (typesLock) {
      if (types != null && clock.instant().isBefore(typesFetchedAt.plus(TYPES_TTL))) {
        return types;
      }
      HttpUrl url = base.newBuilder().addPathSegments("api/1/events/types").build();
      JsonNode data = data(json(requireSuccess(send(url))), url);
      List<OneLoginEventType> read = new ArrayList<>();
      for (JsonNode node : data) {
        JsonNode id = node.path("id");
        if (id.canConvertToLong()) {
          read.add(new OneLoginEventType(id.asLong(), OneLoginEvent.text(node, "name"), OneLoginEvent.text(node, "description")));
        }
      }
      types = List.copyOf(read);
      typesFetchedAt = clock.instant();
      log.debug("OneLogin {} has {} event types", base.host(), types.size());
      return types;
    }
  }

  /**
   * Events of the given types created in {@code (since, until)}, every page followed by {@code after_cursor} for at
   * most {@value #MAX_PAGES} pages. A read that cannot reach its last page fails whole ({@link Kind#INCOMPLETE}, or
   * the failing page's own kind) rather than return part of it as all. Events of other types (OneLogin ignoring the
   * filter) are dropped here.
   *
   * @param until null for "up to now"
   */
  public List<OneLoginEvent> events(Instant since, Instant until, Collection<Long> typeIds) {
    if (typeIds == null || typeIds.isEmpty()) {
      return List.of();
    }
    Set<Long> wanted = new HashSet<>(typeIds);
    HttpUrl.Builder first = base.newBuilder().addPathSegments("api/1/events")
        .addQueryParameter("event_type_id", typeIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
        .addQueryParameter("limit", String.valueOf(PAGE_SIZE));
    if (since != null) {
      first.addQueryParameter("since", TIME.format(since));
    }
    if (until != null) {
      first.addQueryParameter("until", TIME.format(until));
    }
    HttpUrl firstUrl = first.build();
    List<OneLoginEvent> events = new ArrayList<>();
    Set<String> cursorsSeen = new HashSet<>();
    String cursor = null;
    for (int page = 1; ; page++) {
      if (page > MAX_PAGES) {
        throw new ApiCallException(API, 200, Kind.INCOMPLETE, "GET " + firstUrl.encodedPath() + " has more than "
            + MAX_PAGES + " pages (a filter OneLogin did not apply?); the rest was not read, so none of it is used");
      }
      HttpUrl url = cursor == null ? firstUrl : firstUrl.newBuilder().addQueryParameter("after_cursor", cursor).build();
      JsonNode body = json(requireSuccess(send(url)));
      for (JsonNode node : data(body, url)) {
        if (node.isObject()) {
          OneLoginEvent event = OneLoginEvent.from(node);
          if (event.eventTypeId() != null && wanted.contains(event.eventTypeId())) {
            events.add(event);
          }
        }
      }
      String next = OneLoginEvent.text(body.path("pagination"), "after_cursor");
      if (next == null) {
        return events;
      }
      if (!cursorsSeen.add(next)) {
        throw new ApiCallException(API, 200, Kind.INCOMPLETE, "GET " + firstUrl.encodedPath() + " page " + page
            + " points back to a page already read; the rest was not read, so none of it is used");
      }
      cursor = next;
    }
  }

  /**
   * The {@code data} array of a /1 answer. A body that is OneLogin's ({@code status} present) with no data is empty;
   * a body with neither is not OneLogin's answer (a proxy's page, a truncated body) and is worth another try.
   */
  private static JsonNode data(JsonNode body, HttpUrl url) {
    JsonNode data = body.get("data");
    if (data != null && data.isArray()) {
      return data;
    }
    if ((data == null || data.isNull()) && body.path("status").isObject()) {
      return Json.mapper().createArrayNode();
    }
    throw new ApiCallException(API, 200, Kind.UNAVAILABLE, "GET " + url.encodedPath() + " answered JSON without a"
        + " data list; not OneLogin's answer");
  }

  /** A response read to the end, so the connection is released before we look at it. */
  private record Reply(HttpUrl url, int status, String body, String retryAfter, String rateLimitReset) {
    boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /** Sends with the account's token; a 401 on a cached token drops it and tries once with a new one. */
  private Reply send(HttpUrl url) {
    AccessTokenCache.Lease lease = tokens.lease();
    Reply reply = execute(url, lease.token());
    if (reply.status() == 401) {
      tokens.invalidate(lease.token());
      if (!lease.fresh()) {
        lease = tokens.lease();
        reply = execute(url, lease.token());
        if (reply.status() == 401) {
          tokens.invalidate(lease.token());
        }
      }
    }
    return reply;
  }

  private Reply execute(HttpUrl url, String token) {
    // OneLogin's /1 API documents the header as "bearer:<access_token>".
    Request request =
        new Request.Builder().url(url).get().header("Authorization", "bearer:" + token).header("Accept", "application/json")
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      Reply reply = new Reply(url, response.code(), body == null ? "" : Redaction.redact(body.string(), token),
          response.header("Retry-After"), response.header("X-RateLimit-Reset"));
      log.debug("GET {} -> {}", url.encodedPath(), reply.status());
      return reply;
    } catch (IOException e) {
      throw new ApiCallException(API, 0, Kind.UNAVAILABLE,
          Redaction.redact("GET " + url.encodedPath() + " failed: " + describe(e), token, settings.clientSecret()), null, e);
    }
  }

  private Reply requireSuccess(Reply reply) {
    if (reply.successful()) {
      return reply;
    }
    String said = OneLoginError.parse(reply.body()).describe();
    String message = "GET " + reply.url().encodedPath() + " returned " + reply.status() + (said.isEmpty() ? "" : " " + said);
    Kind kind = ApiCallException.kindOf(reply.status());
    Duration wait = kind.retryable() ? RateLimitWait.parse(reply.retryAfter(), reply.rateLimitReset(), clock) : null;
    String safe = Redaction.shorten(Redaction.redact(message, settings.clientSecret()), MAX_MESSAGE);
    throw new ApiCallException(API, reply.status(), kind, safe, wait, null);
  }

  /**
   * The body as a JSON object. A 200 can still say {@code "status": {"error": true, "code": ...}}: that is read as the
   * failure its code names. Jackson's own message is not used: it quotes the body.
   */
  private JsonNode json(Reply reply) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(reply.body());
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw new ApiCallException(API, reply.status(), Kind.UNAVAILABLE,
          "GET " + reply.url().encodedPath() + " returned unreadable JSON");
    }
    JsonNode status = json.path("status");
    if (status.path("error").asBoolean(false)) {
      int code = status.path("code").asInt(0);
      Kind kind = code > 0 ? ApiCallException.kindOf(code) : Kind.UNAVAILABLE;
      String said = OneLoginError.parse(reply.body()).describe();
      String message = "GET " + reply.url().encodedPath() + " answered error" + (code > 0 ? " " + code : "")
          + (said.isEmpty() ? "" : " " + said);
      throw new ApiCallException(API, reply.status(), kind,
          Redaction.shorten(Redaction.redact(message, settings.clientSecret()), MAX_MESSAGE));
    }
    return json;
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
