package io.scimplaybook.worker;

import io.scimplaybook.activities.notify.NotificationActivitiesImpl;
import io.scimplaybook.activities.fleet.FleetActivitiesImpl;
import io.scimplaybook.activities.okta.PushPolling;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxIdp;
import io.scimplaybook.sandbox.SandboxServer;
import io.scimplaybook.workflows.FleetWatchWorkflowImpl;
import io.scimplaybook.workflows.ScimPlaybookWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real playbook worker (real activities and clients, wired from {@link WorkerProperties} as the application wires
 * them) on a time-skipping test server, against a sandbox whose clock is that server's: skipped time passes for the
 * sandbox's job schedule too, so a test never waits on the wall clock for a scheduled cycle. Register anything more on
 * {@link #worker}, then {@link #start}.
 */
final class SandboxWorker implements AutoCloseable {
  final TestWorkflowEnvironment env;
  final SandboxServer sandbox;
  final SandboxConfig config;
  final TokenSeal seal;
  /** The seal key, base64: a secret a recorded history must not hold. */
  final String sealKey;
  final PlaybookActivities activities;
  final Worker worker;
  final WorkflowClient client;

  /**
   * @param sources the account's configured sources, source id to display name; the sandbox's own source is fed by the
   *     IdP the sandbox plays ({@link SandboxConfig#idp}), any other by Entra ID on the sandbox's job
   */
  SandboxWorker(SandboxConfig config, Path escalations, Map<String, String> sources) throws IOException {
    this.config = config;
    env = TestWorkflowEnvironment.newInstance();
    TestServerClock clock = new TestServerClock(env::currentTimeMillis);
    sandbox = SandboxServer.start(config, clock);
    String base = sandbox.baseUrl();
    sealKey = TokenSeal.newBase64Key();
    seal = TokenSeal.fromBase64Key(sealKey);
    // The IdP settings as the demo profiles (demo/src/main/resources/application-sandbox-<idp>.yml) give them, from
    // the sandbox's own config: Okta's and OneLogin's APIs are the sandbox's base URL.
    WorkerProperties.Okta okta = new WorkerProperties.Okta(List.of(new WorkerProperties.OktaOrg(
        base, config.okta().apiToken(), null, null, null, null, Duration.ofSeconds(10))));
    WorkerProperties.OneLogin onelogin = new WorkerProperties.OneLogin(List.of(new WorkerProperties.OneLoginAccount(
        base, config.onelogin().clientId(), config.onelogin().clientSecret(), Duration.ofSeconds(10))));
    WorkerProperties properties = new WorkerProperties(
        new WorkerProperties.Cato(base + "/api/v1/graphql2", config.catoApiKey(), base + "/scim/v2",
            Duration.ofSeconds(10)),
        new WorkerProperties.Entra(base, base + "/v1.0", config.entraTenantId(), config.entraClientId(),
            config.entraClientSecret(), Duration.ofSeconds(10)),
        sealKey, escalations,
        sources.entrySet().stream().map(source -> source(config, base, source.getKey(), source.getValue())).toList(),
        okta, onelogin);
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    // The IdP ports read the sandbox's time (their log windows) and Okta's push is followed without sleeping: the
    // sandbox logs a push's outcome as it answers it.
    activities = PlaybookActivities.from(properties, null, clock, new PushPolling(Duration.ofMillis(1), 10, pause -> {}));
    worker = env.newWorker(PlaybookIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ScimPlaybookWorkflowImpl.class, FleetWatchWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities.all());
    // Fleet correlation as configured by default: the sandbox's few sources never reach its threshold.
    worker.registerActivitiesImplementations(
        new FleetActivitiesImpl(env.getWorkflowClient(), FleetSettings.defaults()));
    // Notifications off, as in a worker without channels: the notification tests are in activities and workflows.
    worker.registerActivitiesImplementations(new NotificationActivitiesImpl(List.of(), null));
    client = env.getWorkflowClient();
  }

  /** One source, the sandbox's own, fed by the IdP the sandbox plays. */
  SandboxWorker(SandboxConfig config, Path escalations) throws IOException {
    this(config, escalations, Map.of(config.sourceId(), switch (config.idp()) {
      case ENTRA -> "Contoso Entra ID";
      case OKTA -> "Contoso Okta (source 7)";
      case ONELOGIN -> "Contoso OneLogin (source 7)";
      case CUSTOM -> "Contoso custom SCIM app (source 7)";
    }));
  }

  /** A source as the demo profiles configure it for the IdP the sandbox plays; other sources are Entra ID's. */
  private static WorkerProperties.Source source(SandboxConfig config, String base, String sourceId, String name) {
    SandboxIdp idp = sourceId.equals(config.sourceId()) ? config.idp() : SandboxIdp.ENTRA;
    String probe = config.probeUserPrincipalName();
    return switch (idp) {
      case ENTRA -> new WorkerProperties.Source(config.accountId(), sourceId, Idp.ENTRA_ID, name,
          config.servicePrincipalId(), config.jobId(), "rule-1", config.probeObjectId(), probe, null);
      case OKTA -> new WorkerProperties.Source(config.accountId(), sourceId, Idp.OKTA, name, null, null, null, null,
          probe, null, base, config.okta().appId(), config.okta().probeUserId(), null, null, null);
      case ONELOGIN -> new WorkerProperties.Source(config.accountId(), sourceId, Idp.ONELOGIN, name, null, null, null,
          null, probe, null, null, null, null, base, Long.toString(config.onelogin().appId()),
          Long.toString(config.onelogin().probeUserId()));
      case CUSTOM -> new WorkerProperties.Source(config.accountId(), sourceId, Idp.CUSTOM, name, null, null, null,
          null, probe, null);
    };
  }

  SandboxWorker start() {
    env.start();
    return this;
  }

  @Override
  public void close() {
    env.close();
    sandbox.close();
  }
}
