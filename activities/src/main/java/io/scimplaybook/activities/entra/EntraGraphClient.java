package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.AccessTokenCache;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import io.scimplaybook.api.pacing.PaceKey;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
 * The Microsoft Graph calls the playbook needs for an Entra ID enterprise app's SCIM provisioning. Thread-safe: one
 * instance serves every activity of a worker and shares its cached access token.
 *
 * <p>Secrets (the client secret, the access token, a SCIM token being tested or saved) never reach a log line or an
 * exception message: requests are logged by method, path and status only, and vendor error text is redacted.
 */
public class EntraGraphClient {
  static final String API = "Microsoft Graph";
  private static final Logger log = LoggerFactory.getLogger(EntraGraphClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Audit windows are hours long; more pages than this means a filter Graph did not apply, not data we need. */
  static final int MAX_PAGES = 20;
  private static final int MAX_MESSAGE = 1000;
  /** What a restart resets: the quarantine, and the watermark and escrows the failed cycles left behind. */
  static final String RESTART_SCOPE = "Watermark, Escrows, QuarantineState";

  private final EntraSettings settings;
  private final OkHttpClient http;
  private final Clock clock;
  private final HttpUrl graphBase;
  private final AccessTokenCache tokens;

  public EntraGraphClient(EntraSettings settings) {
    this(settings, defaultHttp(settings.timeout()), Clock.systemUTC());
  }

  /** For tests and shared connection pools: the clock decides token expiry. */
  public EntraGraphClient(EntraSettings settings, OkHttpClient http, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    // Graph does not redirect these calls; refusing redirects keeps the bearer token on the configured host.
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.graphBase = HttpUrl.get(settings.graphBaseUrl());
    this.tokens = new AccessTokenCache(new GraphAccessTokens(settings, this.http, clock), clock);
  }

  private static OkHttpClient defaultHttp(Duration timeout) {
    return new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).build();
  }

  /**
   * Provisions one object now through the job's rule: the same as "Provision on demand" in the Entra portal.
   *
   * @param objectTypeName User or Group
   */
  public ProvisionOnDemandResult provisionOnDemand(
      String servicePrincipalId, String jobId, String ruleId, String objectId, String objectTypeName) {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode parameter = body.putArray("parameters").addObject();
    ObjectNode subject = parameter.putArray("subjects").addObject();
    subject.put("objectId", objectId);
    subject.put("objectTypeName", objectTypeName);
    parameter.put("ruleId", ruleId);
    HttpUrl url = job(servicePrincipalId, jobId).addPathSegment("provisionOnDemand").build();
    Reply reply = send(post(url, body));
    return ProvisionOnDemandResult.parse(json(requireSuccess(reply)));
  }

  public SynchronizationJobStatus getJob(String servicePrincipalId, String jobId) {
    HttpUrl url = job(servicePrincipalId, jobId).build();
    Reply reply = send(new Request.Builder().url(url).get());
    return SynchronizationJobStatus.parse(json(requireSuccess(reply)));
  }

  /**
   * Restarts the job with Graph's documented criteria (graph-restart.request.json): {@code resetScope} Watermark,
   * Escrows and QuarantineState, so a quarantined job leaves quarantine and runs on its normal schedule again.
   * Graph answers 204.
   */
  public void restartJob(String servicePrincipalId, String jobId) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("criteria").put("resetScope", RESTART_SCOPE);
    HttpUrl url = job(servicePrincipalId, jobId).addPathSegment("restart").build();
    requireSuccess(send(post(url, body)));
  }

  /**
   * Entra's "Test Connection" with credentials that are not saved yet. A 400 is Entra saying the credentials do not
   * work, which is an answer, not a failed call; Graph refusing our own token or permissions still throws.
   */
  public CredentialValidation validateCredentials(
      String servicePrincipalId, String jobId, String baseAddress, String secretToken) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("useSavedCredentials", false);
    putCredentials(body.putArray("credentials"), baseAddress, secretToken);
    HttpUrl url = job(servicePrincipalId, jobId).addPathSegment("validateCredentials").build();
    Reply reply = send(post(url, body), secretToken);
    if (reply.successful()) {
      return new CredentialValidation(true, reply.status(), null, null, null);
    }
    if (reply.status() == 400) {
      GraphError error = GraphError.parse(reply.body(), reply.requestId());
      log.info("Entra test connection for service principal {} failed: {}", servicePrincipalId, error.code());
      return new CredentialValidation(
          false,
          400,
          error.code(),
          Redaction.shorten(Redaction.redact(error.message(), secretToken), MAX_MESSAGE),
          error.requestId());
    }
    throw failure(reply, secretToken);
  }

  /** Saves the SCIM endpoint and token as the app's provisioning credentials ("Admin Credentials" in the portal). */
  public void saveSecrets(String servicePrincipalId, String baseAddress, String secretToken) {
    ObjectNode body = Json.mapper().createObjectNode();
    putCredentials(body.putArray("value"), baseAddress, secretToken);
    HttpUrl url = synchronization(servicePrincipalId).addPathSegment("secrets").build();
    Reply reply = send(new Request.Builder().url(url).put(jsonBody(body)), secretToken);
    requireSuccess(reply, secretToken);
  }

  /**
   * Directory audit entries matching an OData filter, following {@code @odata.nextLink} for at most {@value #MAX_PAGES}
   * pages. A read that cannot reach its last page fails whole ({@link Kind#INCOMPLETE}) rather than return part of it.
   */
  public List<DirectoryAudit> directoryAudits(String filter) {
    HttpUrl url = auditLogs("directoryAudits", filter);
    return pages(url, DirectoryAudit::from);
  }

  /** Provisioning log entries matching an OData filter, paged like {@link #directoryAudits}. */
  public List<ProvisioningEvent> provisioningLogs(String filter) {
    HttpUrl url = auditLogs("provisioning", filter);
    return pages(url, ProvisioningEvent::from);
  }

  private HttpUrl auditLogs(String log, String filter) {
    HttpUrl.Builder url = graphBase.newBuilder().addPathSegment("auditLogs").addPathSegment(log);
    if (filter != null && !filter.isBlank()) {
      url.addQueryParameter("$filter", filter);
    }
    return url.build();
  }

  private <T> List<T> pages(HttpUrl first, Function<JsonNode, T> parse) {
    List<T> items = new ArrayList<>();
    HttpUrl next = first;
    for (int page = 1; next != null; page++) {
      if (page > MAX_PAGES) {
        throw new ApiCallException(API, 200, Kind.INCOMPLETE, "GET " + first.encodedPath() + " has more than "
            + MAX_PAGES + " pages (a filter Graph did not apply?); the rest was not read, so none of it is used");
      }
      JsonNode body = json(requireSuccess(send(new Request.Builder().url(next).get())));
      JsonNode value = JsonFields.field(body, "value");
      if (value.isArray()) {
        value.forEach(item -> items.add(parse.apply(item)));
      }
      String link = JsonFields.text(body, "@odata.nextLink");
      next = sameOrigin(link);
      if (link != null && next == null) {
        throw new ApiCallException(API, 200, Kind.INCOMPLETE, "GET " + first.encodedPath() + " page " + page
            + " links its next page to another host, which would receive our token; the rest was not read, so none"
            + " of it is used");
      }
    }
    return items;
  }

  /** A next link is followed only on the Graph host we were configured with: it is about to receive our token. */
  private HttpUrl sameOrigin(String link) {
    if (link == null) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(link);
    if (url == null
        || !url.scheme().equals(graphBase.scheme())
        || !url.host().equals(graphBase.host())
        || url.port() != graphBase.port()) {
      log.warn("not following an @odata.nextLink to another host ({})", url == null ? "unparsable" : url.host());
      return null;
    }
    return url;
  }

  private static void putCredentials(ArrayNode list, String baseAddress, String secretToken) {
    list.addObject().put("key", "BaseAddress").put("value", baseAddress);
    list.addObject().put("key", "SecretToken").put("value", secretToken);
  }

  private HttpUrl.Builder synchronization(String servicePrincipalId) {
    return graphBase.newBuilder()
        .addPathSegment("servicePrincipals")
        .addPathSegment(requireId("servicePrincipalId", servicePrincipalId))
        .addPathSegment("synchronization");
  }

  private HttpUrl.Builder job(String servicePrincipalId, String jobId) {
    return synchronization(servicePrincipalId).addPathSegment("jobs").addPathSegment(requireId("jobId", jobId));
  }

  private static String requireId(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new ApiCallException(API, 0, Kind.INVALID_REQUEST, name + " is missing");
    }
    return value;
  }

  private static Request.Builder post(HttpUrl url, JsonNode body) {
    return new Request.Builder().url(url).post(jsonBody(body));
  }

  private static RequestBody jsonBody(JsonNode body) {
    try {
      return RequestBody.create(Json.mapper().writeValueAsString(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a request body", e);
    }
  }

  /** A response read to the end, so the connection is released before we look at it. */
  private record Reply(String method, HttpUrl url, int status, String body, String requestId, String retryAfter) {
    boolean successful() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends with a bearer token. A 401 on a token from the cache drops it and tries once more with a new one (tokens can
   * be revoked before they expire); a 401 on a brand-new token is final.
   */
  private Reply send(Request.Builder request, String... secrets) {
    AccessTokenCache.Lease lease = tokens.lease();
    Reply reply = execute(request, lease.token(), secrets);
    if (reply.status() == 401) {
      tokens.invalidate(lease.token());
      if (!lease.fresh()) {
        lease = tokens.lease();
        reply = execute(request, lease.token(), secrets);
        if (reply.status() == 401) {
          tokens.invalidate(lease.token());
        }
      }
    }
    return reply;
  }

  private Reply execute(Request.Builder builder, String token, String... secrets) {
    Request plain = builder.header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
    Request request = plain.newBuilder().tag(PaceKey.class, paceKey(plain.url())).build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      Reply reply =
          new Reply(
              request.method(),
              request.url(),
              response.code(),
              // Graph's error text can quote the bearer token it refused; it must not travel on into a message.
              body == null ? "" : Redaction.redact(body.string(), token),
              JsonFields.firstNonBlank(response.header("request-id"), response.header("client-request-id")),
              response.header("Retry-After"));
      log.debug("{} {} -> {}", request.method(), request.url().encodedPath(), reply.status());
      return reply;
    } catch (IOException e) {
      String message =
          request.method() + " " + request.url().encodedPath() + " failed: " + GraphAccessTokens.describe(e);
      throw new ApiCallException(
          API, 0, Kind.UNAVAILABLE, Redaction.redact(message, withToken(token, secrets)), null, e);
    }
  }

  /**
   * Graph throttles per tenant; provisionOnDemand has its own documented limit (5 per 10 s), every other call is
   * {@code other} (no documented number: paced only if configured). Null, so unpaced, for a tenant id that is not one.
   */
  PaceKey paceKey(HttpUrl url) {
    List<String> segments = url.pathSegments();
    String call = !segments.isEmpty() && "provisionOnDemand".equals(segments.get(segments.size() - 1))
        ? "provisionOnDemand" : "other";
    try {
      return new PaceKey(PaceKey.GRAPH, settings.tenantId(), call);
    } catch (IllegalArgumentException notATenantId) {
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
    GraphError error = GraphError.parse(reply.body(), reply.requestId());
    String described = error.describe();
    String message =
        reply.method() + " " + reply.url().encodedPath() + " returned " + reply.status()
            + (described.isEmpty() ? "" : " " + described);
    Kind kind = ApiCallException.kindOf(reply.status());
    Duration retryAfter = kind.retryable() ? RetryAfter.parse(reply.retryAfter(), clock) : null;
    String safe = Redaction.shorten(Redaction.redact(message, withSecret(secrets)), MAX_MESSAGE);
    return new ApiCallException(API, reply.status(), kind, safe, retryAfter, null);
  }

  private String[] withSecret(String... secrets) {
    String[] all = new String[secrets.length + 1];
    System.arraycopy(secrets, 0, all, 0, secrets.length);
    all[secrets.length] = settings.clientSecret();
    return all;
  }

  private String[] withToken(String token, String... secrets) {
    String[] all = withSecret(secrets);
    String[] more = new String[all.length + 1];
    System.arraycopy(all, 0, more, 0, all.length);
    more[all.length] = token;
    return more;
  }

  private static JsonNode json(Reply reply) {
    try {
      JsonNode node = Json.mapper().readTree(reply.body());
      return node == null ? Json.mapper().missingNode() : node;
    } catch (JsonProcessingException e) {
      throw new ApiCallException(
          API, reply.status(), Kind.UNAVAILABLE, reply.method() + " " + reply.url().encodedPath() + " returned unreadable JSON");
    }
  }
}
