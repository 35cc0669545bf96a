package io.scimplaybook.worker;

import io.scimplaybook.activities.notify.NotificationActivitiesImpl;
import io.scimplaybook.activities.fleet.FleetActivitiesImpl;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.sandbox.SandboxConfig;
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

  /** @param sources the account's configured sources, source id to display name, all Entra ID on the sandbox's job */
  SandboxWorker(SandboxConfig config, Path escalations, Map<String, String> sources) throws IOException {
    this.config = config;
    env = TestWorkflowEnvironment.newInstance();
    sandbox = SandboxServer.start(config, new TestServerClock(env::currentTimeMillis));
    String base = sandbox.baseUrl();
    sealKey = TokenSeal.newBase64Key();
    seal = TokenSeal.fromBase64Key(sealKey);
    WorkerProperties properties = new WorkerProperties(
        new WorkerProperties.Cato(base + "/api/v1/graphql2", config.catoApiKey(), base + "/scim/v2",
            Duration.ofSeconds(10)),
        new WorkerProperties.Entra(base, base + "/v1.0", config.entraTenantId(), config.entraClientId(),
            config.entraClientSecret(), Duration.ofSeconds(10)),
        sealKey, escalations,
        sources.entrySet().stream().map(source -> new WorkerProperties.Source(config.accountId(), source.getKey(),
            Idp.ENTRA_ID, source.getValue(), config.servicePrincipalId(), config.jobId(), "rule-1",
            config.probeObjectId(), config.probeUserPrincipalName(), null)).toList());
    PlaybookSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    activities = PlaybookActivities.from(properties);
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

  /** One source, the sandbox's own. */
  SandboxWorker(SandboxConfig config, Path escalations) throws IOException {
    this(config, escalations, Map.of(config.sourceId(), "Contoso Entra ID"));
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
