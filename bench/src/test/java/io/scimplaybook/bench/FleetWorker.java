package io.scimplaybook.bench;

import io.scimplaybook.sandbox.FleetSource;
import io.scimplaybook.sandbox.FleetStandIn;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.worker.WorkerApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The production worker (WorkerApplication with its own application.yml: one worker on the task queue, sticky
 * execution, the SDK's defaults) in this JVM, configured with every source of the fleet and pointed at the stand-in.
 * The settings go in as the highest-ranking property source, not as arguments or system properties, so the seal key
 * and the vendor credentials appear on no command line.
 */
final class FleetWorker {
  private FleetWorker() {}

  static ConfigurableApplicationContext start(String temporalTarget, FleetStandIn fleet, String sealKey, Path out) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.temporal.connection.target", temporalTarget);
    p.put("server.port", "0");
    p.put("scim-playbook.seal-key", sealKey);
    p.put("scim-playbook.escalation-dir", out.resolve("escalations").toString());
    // Shortened like the monitoring window: the production quiet period (PT45M) would keep held runs waiting long
    // after the simulated incident ends.
    p.put("scim-playbook.fleet.quiet-period", System.getProperty("bench.fleet-quiet-period", "PT1M"));
    String base = fleet.baseUrl();
    SandboxConfig c = fleet.credentials();
    p.put("scim-playbook.cato.graphql-url", base + "/api/v1/graphql2");
    p.put("scim-playbook.cato.api-key", c.catoApiKey());
    p.put("scim-playbook.cato.scim-base-url", base + "/scim/v2");
    p.put("scim-playbook.entra.login-base-url", base);
    p.put("scim-playbook.entra.graph-base-url", base + "/v1.0");
    p.put("scim-playbook.entra.tenant-id", c.entraTenantId());
    p.put("scim-playbook.entra.client-id", c.entraClientId());
    p.put("scim-playbook.entra.client-secret", c.entraClientSecret());
    List<FleetSource> sources = fleet.sources();
    for (int i = 0; i < sources.size(); i++) {
      FleetSource s = sources.get(i);
      String key = "scim-playbook.sources[" + i + "].";
      p.put(key + "account-id", s.accountId());
      p.put(key + "source-id", s.sourceId());
      p.put(key + "idp", "ENTRA_ID");
      p.put(key + "display-name", "Fleet source " + s.accountId() + "/" + s.sourceId());
      p.put(key + "service-principal-id", s.servicePrincipalId());
      p.put(key + "job-id", s.jobId());
      p.put(key + "rule-id", "03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8");
      p.put(key + "probe-object-id", s.probeObjectId());
      p.put(key + "probe-user", s.probeUser());
    }
    return new SpringApplicationBuilder(WorkerApplication.class)
        // Read before any initializer runs, and application.yml sets neither: so as defaults. Every rate-limited call
        // is retried and logged by the SDK; at fleet scale that would be the console's whole output.
        .properties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN",
            "logging.level.io.temporal", "ERROR"))
        .initializers(context -> context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("fleet-benchmark", p)))
        .run();
  }
}
