package io.scimplaybook.activities.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Okta Management API calls the playbook needs for one org: the System Log, the Cato app's app users and its
 * provisioning connection. Thread-safe: one instance per org serves every activity and shares its access token.
 *
 * <p>Secrets (the API token, the private key and the assertion it signs, the access token, a SCIM token being saved)
 * never reach a log line or an exception message: requests are logged by method, path and status only, and Okta's
 * error text is redacted before it travels on.
 */
public class OktaClient {
  static final String API = "Okta";
  private static final Logger log = LoggerFactory.getLogger(OktaClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** The System Log's largest page. */
  static final int PAGE_LIMIT = 1000;
  /** 20 pages of 1,000 events for one app in an audit window means a filter Okta did not apply, not our data. */
  static final int MAX_PAGES = 20;
  /** A reset further away than this is a clock or header gone wrong; Temporal's own backoff does better. */
  private static final Duration MAX_RATE_WAIT = Duration.ofMinutes(10);
  private static final int MAX_MESSAGE = 1000;
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;([^,]*)");
  private static final Pattern NEXT = Pattern.compile("rel\\s*=\\s*\"?next\"?");

  private final OktaOrgSettings settings;
  private final HttpUrl org;
  private final OkHttpClient http;
  private final Clock clock;
  private final OktaCredentials credentials;

  /** @throws IllegalArgumentException when the settings name no usable org url or credential (never quoting them) */
  public OktaClient(OktaOrgSettings settings) {
    this(settings, defaultHttp(settings.timeout()), Clock.systemUTC());
  }

  /** For tests and shared connection pools: the clock decides token expiry and rate-limit waits. */
  public OktaClient(OktaOrgSettings settings, OkHttpClient http, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    HttpUrl url = settings.url() == null ? null : HttpUrl.parse(settings.url().strip());
    if (url == null) {
      throw new IllegalArgumentException("the org url is not an http(s) URL");
    }
    this.org = url.newBuilder().encodedPath("/").build();
    // Okta does not redirect these calls; refusing redirects keeps the credential on the configured host.
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.credentials = new OktaCredentials(settings, org, this.http, clock);
  }

  private static OkHttpClient defaultHttp(Duration timeout) {
    return new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).build();
  }

  /** "API token" or "service app {clientId}", for people to read; never the credential. */
  String authMode() {
    return credentials.mode();
  }

  /**
   * System Log events published in {@code [since, until)} matching an Okta filter expression, oldest first, following
   * {@code Link: <...>; rel="next"} for at most {@value #MAX_PAGES} pages. {@code until} makes it a bounded query,
   * whose last page has no next link; an empty page also ends it (a polling query always links on). A read that
   * cannot reach its end fails whole rather than return part of the log as all of it.
   */
  List<LogEvent> logs(Instant since, Instant until, String filter) {
    HttpUrl first = logsUrl(since, until, filter, PAGE_LIMIT, "ASCENDING");
    List<LogEvent> events = new ArrayList<>();
    HttpUrl next = first;
    for (int page = 1; next != null; page++) {
      if (page > MAX_PAGES) {
        throw new ApiCallException(API, 200, Kind.INCOMPLETE, "GET /api/v1/logs has more than " + MAX_PAGES
            + " pages (a filter Okta did not apply?); the rest was not read, so none of it is used");
      }
      Reply reply = requireSuccess(send(new Request.Builder().url(next).get()));
      List<LogEvent> pageEvents = events(reply);
      events.addAll(pageEvents);
      String link = nextLink(reply.links());
      if (pageEvents.isEmpty() || link == null) {
        break;
      }
      next = sameOrigin(reply.url(), link);
      if (next == null) {
        throw new ApiCallException(API, 200, Kind.INCOMPLETE, "GET /api/v1/logs page " + page + " links its next"
            + " page to another host, which would receive our credential; the rest was not read, so none of it is used");
      }
    }
    return events;
  }

  /** The newest {@code limit} events in the window, newest first: one page, for "what happened last". */
  List<LogEvent> newestLogs(Instant since, Instant until, String filter, int limit) {
    HttpUrl url = logsUrl(since, until, filter, Math.min(limit, PAGE_LIMIT), "DESCENDING");
    return events(requireSuccess(send(new Request.Builder().url(url).get())));
  }

  AppUser appUser(String appId, String userId) {
    Reply reply = requireSuccess(send(new Request.Builder().url(appUserUrl(appId, userId)).get()));
    return AppUser.from(json(reply));
  }

  /**
   * Posts the app user's own profile back: Okta's documented way to push it to the app now, where the app's "Update
   * User Attributes" is on. Nothing in the profile changes.
   */
  AppUser pushAppUser(String appId, String userId, ObjectNode profile) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("profile", profile);
    Reply reply = requireSuccess(send(new Request.Builder().url(appUserUrl(appId, userId)).post(jsonBody(body))));
    return AppUser.from(json(reply));
  }

  ProvisioningConnection connection(String appId) {
    Reply reply = requireSuccess(send(new Request.Builder().url(connectionUrl(appId, false)).get()));
    return ProvisioningConnection.from(json(reply));
  }

  /**
   * Saves Cato's SCIM endpoint and token as the app's provisioning connection and activates it
   * ({@code POST .../connections/default?activate=true}, okta-app-connection-default.request.json). Okta tests the
   * connection on activation; a refusal is a 400 whose text never carries the token on.
   */
  ProvisioningConnection saveToken(String appId, String baseUrl, String token) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("baseUrl", baseUrl);
    body.putObject("profile").put("authScheme", "TOKEN").put("token", token);
    Reply reply = requireSuccess(send(new Request.Builder().url(connectionUrl(appId, true)).post(jsonBody(body)), token), token);
    return ProvisioningConnection.from(json(reply));
  }

  private HttpUrl logsUrl(Instant since, Instant until, String filter, int limit, String sortOrder) {
    HttpUrl.Builder url = org.newBuilder().addPathSegments("api/v1/logs");
    if (since != null) {
      url.addQueryParameter("since", since.toString()); // without it Okta reads the 7 days before until
    }
    // Always bounded: a polling query (no until) links to a next page forever.
    url.addQueryParameter("until", (until == null ? clock.instant() : until).toString());
    if (filter != null && !filter.isBlank()) {
      url.addQueryParameter("filter", filter);
    }
    return url.addQueryParameter("limit", String.valueOf(limit)).addQueryParameter("sortOrder", sortOrder).build();
  }

  private HttpUrl appUserUrl(String appId, String userId) {
    return org.newBuilder().addPathSegments("api/v1/apps").addPathSegment(requireId("appId", appId))
        .addPathSegment("users").addPathSegment(requireId("userId", userId)).build();
  }

  private HttpUrl connectionUrl(String appId, boolean activate) {
    HttpUrl.Builder url = org.newBuilder().addPathSegments("api/v1/apps").addPathSegment(requireId("appId", appId))
        .addPathSegments("connections/default");
    if (activate) {
      url.addQueryParameter("activate", "true");
    }
    return url.build();
  }

  private static String requireId(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new ApiCallException(API, 0, Kind.INVALID_REQUEST, name + " is missing");
    }
    return value;
  }

  /** A page is a JSON array of events; Okta's own example of one event is a bare object, which is read as one. */
  private static List<LogEvent> events(Reply reply) {
    JsonNode body = json(reply);
    List<LogEvent> events = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(node -> events.add(LogEvent.from(node)));
    } else if (body.isObject() && (body.has("eventType") || body.has("uuid"))) {
      events.add(LogEvent.from(body));
    } else {
      throw new ApiCallException(API, reply.status(), Kind.UNAVAILABLE,
          reply.method() + " " + reply.url().encodedPath() + " returned something other than a list of events");
    }
    return events;
  }

  /** The {@code rel="next"} target among the Link headers (Okta sends self and next as separate headers). */
  static String nextLink(List<String> linkHeaders) {
    for (String header : linkHeaders) {
      Matcher link = LINK.matcher(header);
      while (link.find()) {
        if (NEXT.matcher(link.group(2)).find()) {
          return link.group(1).strip();
        }
      }
    }
    return null;
  }

  /**
   * A next link (absolute, or relative to the page it came with) is followed only on the org we were configured with:
   * it is about to receive our credential.
   */
  private HttpUrl sameOrigin(HttpUrl page, String link) {
    HttpUrl url = page.resolve(link);
    if (url == null || !url.scheme().equals(org.scheme()) || !url.host().equals(org.host()) || url.port() != org.port()) {
      log.warn("not following a System Log next link to another host ({})", url == null ? "unparsable" : url.host());
      return null;
    }
    return url;
  }

  private static RequestBody jsonBody(JsonNode body) {
    try {
      return RequestBody.create(Json.mapper().writeValueAsString(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a request body");
    }
  }

  /** A response read to the end, so the connection is released before we look at it. */
  private record Reply(
      String method, HttpUrl url, int status, String body, String requestId, Duration rateLimitWait,
      List<String> links) {
    boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends with the org's credential. A service app's 401 on a cached access token drops it and tries once more with a
   * new one (tokens can be revoked before they expire); an API token's 401, or one on a brand-new token, is final.
   */
  private Reply send(Request.Builder request, String... secrets) {
    OktaCredentials.Lease lease = credentials.lease();
    Reply reply = execute(request, lease, secrets);
    if (reply.status() == 401 && !lease.fresh()) {
      credentials.invalidate(lease);
      lease = credentials.lease();
      reply = execute(request, lease, secrets);
    }
    if (reply.status() == 401) {
      credentials.invalidate(lease);
    }
    return reply;
  }

  private Reply execute(Request.Builder builder, OktaCredentials.Lease lease, String... secrets) {
    Request request = builder.header("Authorization", lease.authorization()).header("Accept", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      Reply reply = new Reply(
          request.method(),
          request.url(),
          response.code(),
          // An error text that quotes the credential it refused must not carry it any further.
          body == null ? "" : Redaction.redact(body.string(), all(lease.secret(), secrets)),
          response.header("X-Okta-Request-Id"),
          response.code() == 429 ? rateLimitWait(response, clock)
              : response.code() >= 500 ? RetryAfter.parse(response.header("Retry-After"), clock) : null,
          response.headers("Link"));
      log.debug("{} {} -> {} (rate limit remaining {})", request.method(), request.url().encodedPath(), reply.status(),
          response.header("X-Rate-Limit-Remaining"));
      return reply;
    } catch (IOException e) {
      String message = request.method() + " " + request.url().encodedPath() + " failed: " + describe(e);
      throw new ApiCallException(API, 0, Kind.UNAVAILABLE, Redaction.redact(message, all(lease.secret(), secrets)), null, null);
    }
  }

  /**
   * How long Okta asked us to wait: {@code Retry-After} where sent, else until {@code X-Rate-Limit-Reset} (epoch
   * seconds, the end of the current window), at least a second; null when neither is readable, so the retry policy's
   * backoff decides.
   */
  static Duration rateLimitWait(Response response, Clock clock) {
    Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
    if (retryAfter != null) {
      return retryAfter;
    }
    String reset = response.header("X-Rate-Limit-Reset");
    if (reset == null || reset.isBlank()) {
      return null;
    }
    try {
      Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
      if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
        return Duration.ofSeconds(1);
      }
      return wait.compareTo(MAX_RATE_WAIT) > 0 ? null : wait;
    } catch (NumberFormatException | java.time.DateTimeException unreadable) {
      return null;
    }
  }

  private Reply requireSuccess(Reply reply, String... secrets) {
    if (!reply.successful()) {
      throw failure(reply, secrets);
    }
    return reply;
  }

  private ApiCallException failure(Reply reply, String... secrets) {
    OktaError error = OktaError.parse(reply.body());
    String described = error.describe();
    String message = reply.method() + " " + reply.url().encodedPath() + " returned " + reply.status()
        + (described.isEmpty() ? "" : " " + described)
        + (reply.requestId() == null || described.contains("errorId") ? "" : " (request " + reply.requestId() + ")");
    if (reply.status() == 401) {
      message += "; the worker's Okta " + authMode() + " was refused (revoked, expired or for another org)";
    } else if (reply.status() == 403) {
      message += "; the worker's Okta " + authMode() + " lacks the admin role or scope for this call";
    }
    Kind kind = ApiCallException.kindOf(reply.status());
    String safe = Redaction.shorten(Redaction.redact(message, all(null, secrets)), MAX_MESSAGE);
    return new ApiCallException(API, reply.status(), kind, safe, kind.retryable() ? reply.rateLimitWait() : null, null);
  }

  /** Every secret this client knows of, with the call's own. */
  private String[] all(String leased, String... secrets) {
    List<String> all = new ArrayList<>(List.of(secrets));
    all.add(leased);
    all.add(settings.apiToken());
    all.add(settings.privateKeyPem());
    return all.toArray(String[]::new);
  }

  private static JsonNode json(Reply reply) {
    try {
      JsonNode node = Json.mapper().readTree(reply.body());
      return node == null ? Json.mapper().missingNode() : node;
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the body; only the fact travels on.
      throw new ApiCallException(
          API, reply.status(), Kind.UNAVAILABLE, reply.method() + " " + reply.url().encodedPath() + " returned unreadable JSON");
    }
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
