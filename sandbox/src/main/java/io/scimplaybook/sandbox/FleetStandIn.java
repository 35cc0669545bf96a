package io.scimplaybook.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cato and Entra ID for a whole fleet (the fleet benchmark, issue 14): {@link FleetPlan}'s accounts and sources on one
 * loopback port, within the vendors' documented rate limits ({@link FleetLimits}), counting every over-limit answer.
 * Each failing source is a whole single-source sandbox (the scenario state and wire formats the demo uses); Cato's
 * per-account data (stories, events, audit trail) is the account's first failing source's, so causes go by account.
 * Entra is one tenant with one app registration, as one worker is configured (README, Configuration).
 *
 * <p>The provider-side incident: while {@link #incidentActive()}, {@code provisionOnDemand} of every
 * {@link FleetFailure#PROVIDER_INCIDENT} source fails as Cato's SCIM endpoint answering 500; afterwards it works.
 */
public final class FleetStandIn implements AutoCloseable {
  static {
    // As SandboxServer: without TCP_NODELAY every keep-alive answer waits ~40 ms for a delayed ACK.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final SandboxConfig credentials;
  private final List<FleetSource> sources;
  private final Map<String, SimulatedSource> failing = new HashMap<>();
  private final Map<String, SimulatedSource> byServicePrincipal = new HashMap<>();
  private final Map<String, SimulatedSource> representatives = new LinkedHashMap<>();
  private final SimulatedSource tenant;
  private final FleetRouter router;
  private final HttpServer server;
  private final ExecutorService executor;
  private volatile Instant incidentEnds = Instant.MIN;

  private FleetStandIn(FleetPlan plan, FleetLimits limits, Clock clock) throws IOException {
    credentials = SandboxConfig.defaults();
    sources = plan.sources(credentials.entraTenantId());
    for (FleetSource source : sources) {
      if (!source.failing()) {
        continue;
      }
      SimulatedSource simulated = SimulatedSource.of(source, configFor(source, source.failure().scenario()));
      failing.put(key(source.accountId(), source.sourceId()), simulated);
      byServicePrincipal.put(source.servicePrincipalId(), simulated);
      representatives.putIfAbsent(source.accountId(), simulated);
    }
    FleetSource tenantSource = new FleetSource(credentials.accountId(), credentials.sourceId(), FleetFailure.HEALTHY,
        credentials.servicePrincipalId(), credentials.jobId(), credentials.probeObjectId(),
        credentials.probeUserPrincipalName());
    tenant = SimulatedSource.of(tenantSource, credentials.withScenario(Scenario.TRANSIENT).withPort(0));
    router = new FleetRouter(this, limits, clock);
    server = HttpServer.create(new InetSocketAddress(SandboxConfig.LOOPBACK, 0), 0);
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "fleet-stand-in-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", router);
    server.start();
  }

  public static FleetStandIn start(FleetPlan plan, FleetLimits limits) throws IOException {
    return new FleetStandIn(plan, limits, Clock.systemUTC());
  }

  /** @param clock the limits' time only (tests); the simulated sources keep the wall clock, as the demo's sandbox */
  public static FleetStandIn start(FleetPlan plan, FleetLimits limits, Clock clock) throws IOException {
    return new FleetStandIn(plan, limits, clock);
  }

  private SandboxConfig configFor(FleetSource source, Scenario scenario) {
    return new SandboxConfig(0, source.accountId(), source.sourceId(), credentials.catoApiKey(),
        credentials.entraTenantId(), credentials.entraClientId(), credentials.entraClientSecret(),
        source.servicePrincipalId(), source.jobId(), source.probeObjectId(), source.probeUser(), scenario,
        SandboxConfig.LOOPBACK, false, null, SandboxIdp.ENTRA, OktaSandbox.defaults(), OneLoginSandbox.defaults());
  }

  private static String key(String accountId, String sourceId) {
    return accountId + "/" + sourceId;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The Cato API key and the Entra tenant, client id and secret the worker must be configured with (sandbox-only
   * values; {@link SandboxConfig#toString()} hides the secrets).
   */
  public SandboxConfig credentials() {
    return credentials;
  }

  public List<FleetSource> sources() {
    return sources;
  }

  /** The XOps story Cato opened for the account's failures; its failure events name it. */
  public String storyId(String accountId) {
    SimulatedSource rep = representatives.get(accountId);
    if (rep == null) {
      throw new IllegalArgumentException("account " + accountId + " has no failing source in this fleet");
    }
    return rep.state().story().id();
  }

  /** CMA's "Generate token" for one failing source: what an operator hands over for a token rotation. */
  public String generateCatoToken(String accountId, String sourceId) {
    return simulated(accountId, sourceId).state().generateCatoToken();
  }

  /** The admin undoes the suspect Domain change of a config-change source; false when there is none to undo. */
  public boolean revertDomainChange(String accountId, String sourceId) {
    return simulated(accountId, sourceId).state().revertDomainChange();
  }

  /** The provider-side incident lasts until {@code end} (exclusive); {@link Instant#MIN} for none. */
  public void incidentUntil(Instant end) {
    incidentEnds = end;
  }

  public Instant incidentEnds() {
    return incidentEnds;
  }

  public boolean incidentActive() {
    return Instant.now().isBefore(incidentEnds);
  }

  /** {@code provisionOnDemand} calls answered with the incident's 500. */
  public long incidentAnswers() {
    return router.incidentAnswers.get();
  }

  /** Every enforced limit with its admitted and refused (over-limit) calls so far. */
  public List<RateWindow> limits() {
    return router.windows();
  }

  /** Over-limit answers so far, all limits together. */
  public long overLimitAnswers() {
    return router.windows().stream().mapToLong(RateWindow::refused).sum();
  }

  private SimulatedSource simulated(String accountId, String sourceId) {
    SimulatedSource s = failing.get(key(accountId, sourceId));
    if (s == null) {
      throw new IllegalArgumentException("source " + key(accountId, sourceId) + " is not a failing source of the fleet");
    }
    return s;
  }

  SimulatedSource failingSource(String accountId, String sourceId) {
    return failing.get(key(accountId, sourceId));
  }

  SimulatedSource byServicePrincipal(String servicePrincipalId) {
    return byServicePrincipal.get(servicePrincipalId);
  }

  SimulatedSource representative(String accountId) {
    return representatives.get(accountId);
  }

  SimulatedSource tenant() {
    return tenant;
  }

  String tenantId() {
    return credentials.entraTenantId();
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
  }
}
