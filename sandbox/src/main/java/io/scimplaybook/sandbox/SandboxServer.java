package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sandbox: Cato's GraphQL API and SCIM service, Entra's token endpoint and Microsoft Graph on one port,
 * playing one {@link Scenario}. Point the project's clients' base URLs at {@link #baseUrl()}.
 *
 * <pre>
 * POST /api/v1/graphql2                                   Cato GraphQL (x-api-key)
 * GET  /scim/v2/{accountId}/{sourceId}/Users              Cato SCIM (Bearer: the token Cato accepts)
 * POST /{tenantId}/oauth2/v2.0/token                      Entra client credentials
 * *    /v1.0/servicePrincipals/{spId}/synchronization/... Microsoft Graph (Bearer: an issued access token)
 * GET  /v1.0/auditLogs/{directoryAudits|provisioning}     Microsoft Graph
 * GET  /api/v1/logs, * /api/v1/apps/{appId}/...         Okta (SSWS), see OktaHandler; with --idp okta
 * POST /auth/oauth2/v2/token, GET /api/1/events[/types]   OneLogin, see OneLoginHandler; with --idp onelogin
 * *    /sandbox/...                                       scenario controls, see SandboxControlHandler
 * </pre>
 */
public final class SandboxServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY every keep-alive response waits ~40 ms
    // for a delayed ACK. Read once per JVM, so set before the first server exists, unless the caller chose.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScenarioState state;
  private final HttpClient webhookClient;
  private volatile RequestHook hook = RequestHook.NONE;

  private SandboxServer(HttpServer server, ExecutorService executor, ScenarioState state) {
    this.server = server;
    this.executor = executor;
    this.state = state;
    this.webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static SandboxServer start(SandboxConfig config) throws IOException {
    return start(config, Clock.systemUTC());
  }

  /**
   * @param clock the sandbox's time, which its job schedule and story changes follow: an end-to-end test on a
   *     time-skipping Temporal test server passes that server's clock, so skipped time passes for the sandbox too
   */
  public static SandboxServer start(SandboxConfig config, Clock clock) throws IOException {
    ScenarioState state = new ScenarioState(config, clock);
    HttpServer http = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
    ExecutorService executor = Executors.newFixedThreadPool(8, daemonThreads());
    http.setExecutor(executor);
    SandboxServer sandbox = new SandboxServer(http, executor, state);
    sandbox.mount("/api/v1/graphql2", new CatoGraphqlHandler(state));
    sandbox.mount("/scim/v2/", new ScimHandler(state));
    sandbox.mount("/v1.0/", new GraphHandler(state));
    OktaHandler okta = new OktaHandler(state, clock);
    sandbox.mount("/api/v1/logs", okta);
    sandbox.mount("/api/v1/apps/", okta);
    OneLoginHandler onelogin = new OneLoginHandler(state, clock);
    sandbox.mount("/auth/oauth2/", onelogin);
    sandbox.mount("/api/1/", onelogin);
    sandbox.mount("/sandbox/", new SandboxControlHandler(sandbox, state));
    // The token endpoint's first segment is the tenant, so it lives at the root and 404s everything unclaimed.
    sandbox.mount("/", new TokenEndpointHandler(state));
    http.start();
    LOG.info("sandbox listening on {} playing scenario {} with IdP {} (account {}, source {})", sandbox.baseUrl(),
        config.scenario(), config.idp(), config.accountId(), config.sourceId());
    return sandbox;
  }

  private void mount(String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().add(new AccessLogFilter());
    context.getFilters().add(new RequestHookFilter(() -> hook));
  }

  /** {@code http://127.0.0.1:PORT}, whatever interface the server is bound to. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public SandboxConfig config() {
    return state.config();
  }

  /** The same view as {@code GET /sandbox/state}. */
  public StateSnapshot state() {
    return state.snapshot();
  }

  /**
   * Sees every later request before the sandbox answers it or changes its state, on the request's own thread (a hook
   * that blocks holds that request only); {@link RequestHook#NONE} removes it. For in-process tests, e.g. to kill a
   * worker while its call is in flight.
   */
  public void onRequest(RequestHook newHook) {
    hook = java.util.Objects.requireNonNull(newHook, "hook");
  }

  /** The XOps story's id (also the failure event's {@code story_id}). */
  public String storyId() {
    return state.story().id();
  }

  /** CMA's "Generate token", for in-process callers; same as {@code POST /sandbox/cma/scim-token}. */
  public String generateCatoToken() {
    return state.generateCatoToken();
  }

  /**
   * A new failure in Cato, for in-process callers; same as {@code POST /sandbox/cato/failure}: Cato logs another SCIM
   * Provisioning / Failed event (a monitored story goes Reopened) and this returns the webhook body the CMA would
   * send for it ({@code event_id}, {@code failure_reason}, {@code time}, ...).
   */
  public ObjectNode recordFailure() {
    state.recordFailure();
    return failureEventBody();
  }

  /**
   * Graph throttling, for in-process callers: the next {@code count} reads of the synchronization job are answered 429
   * {@code TooManyRequests} with {@code Retry-After: 1}, as Graph answers when it throttles.
   */
  public void throttleJobReads(int count) {
    state.throttleJobReads(count);
  }

  /** Sends the latest failure event to the project's webhook. */
  public WebhookDelivery sendFailureEvent(URI webhook) throws IOException, InterruptedException {
    return sendFailureEvent(webhook, Map.of());
  }

  /**
   * Sends the latest failure event as the CMA webhook template in the README fills it: Cato's field names, and no
   * {@code resource_id} unless {@link SandboxConfig#eventsNameSource()} (Cato does not promise it on SCIM events).
   *
   * @param headers extra request headers, e.g. the webhook's authentication (CMA supports Basic, Bearer or a custom
   *     header); never logged
   */
  public WebhookDelivery sendFailureEvent(URI webhook, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(webhook)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(failureEventBody())));
    headers.forEach(request::header);
    HttpResponse<String> response = webhookClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
    LOG.info("failure event sent to {}: HTTP {}", withoutCredentials(webhook), response.statusCode());
    return new WebhookDelivery(response.statusCode(), response.body());
  }

  /** Scheme, host, port and path only: a webhook URL may carry a secret in its user-info or query string. */
  static String withoutCredentials(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
  }

  /** The README's CMA template: the fields an admin pastes, each filled from the event like the CMA would. */
  static final List<String> WEBHOOK_TEMPLATE_FIELDS = List.of("event_type", "event_sub_type", "action", "account_id",
      "resource_id", "resource_name", "failure_reason", "event_message", "story_id", "event_id", "time");

  /** The webhook body for the latest failure event. */
  ObjectNode failureEventBody() {
    List<FailureEvent> events = state.failureEvents();
    FailureEvent latest = events.get(events.size() - 1);
    ObjectNode body = Json.object();
    CatoEventJson.fieldsMap(latest, state.config()).forEach((field, value) -> {
      if (WEBHOOK_TEMPLATE_FIELDS.contains(field)) {
        body.put(field, value);
      }
    });
    return body;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("sandbox stopped");
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
