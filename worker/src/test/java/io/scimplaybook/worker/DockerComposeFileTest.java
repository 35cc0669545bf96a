package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked in two ways. Validity: in the test's own
 * JVM against the Compose specification's JSON schema, with Compose's interpolation rules ({@link ComposeSpec}), so a
 * machine with only Java and Maven checks it; and, where a {@code docker-compose} binary is installed (system property
 * {@value #VALIDATOR_PROPERTY} names another), by {@code docker-compose config} as well. Consistency: these checks hold
 * it to what the project needs (pinned images on the required lines, ports, health checks and startup order, the
 * search attributes the code upserts, a scalable worker, the demo profile, and images that run a JRE as a non-root
 * user).
 */
class DockerComposeFileTest {
  static final String VALIDATOR_PROPERTY = "scimplaybook.docker-compose";
  private static final String VALIDATOR = System.getProperty(VALIDATOR_PROPERTY, "docker-compose");
  /** Stand-ins for the secrets the file requires from the environment; no real secret is needed to validate it. */
  private static final Map<String, String> REQUIRED_SECRETS = Map.of(
      "SCIM_PLAYBOOK_SEAL_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
      "SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN", "compose-test-bearer-token");
  private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  private static Path root;
  private static String text;
  private static ComposeFile compose;
  private static Boolean validatorInstalled;

  @TempDir Path tmp;

  @BeforeAll
  static void readComposeFile() throws IOException {
    // Surefire runs in the module's folder; the compose file lives at the repository root.
    root = Path.of("").toAbsolutePath().getParent();
    Path file = root.resolve("docker-compose.yml");
    assertThat(file).as("docker-compose.yml at the repository root").exists();
    text = Files.readString(file);
    compose = ComposeFile.read(file);
  }

  @Test
  void theFileMatchesTheComposeSpecificationSchemaOnceInterpolated() {
    ComposeSpec.Result result = ComposeSpec.validate(text, REQUIRED_SECRETS);
    assertThat(result.errors()).as("docker-compose.yml against the Compose specification's schema").isEmpty();
    assertThat(result.effective().services()).containsKeys("worker", "starter", "sandbox", "temporal");
  }

  @Test
  void theInProcessCheckRefusesWithoutEachRequiredSecretAndNamesIt() {
    for (String missing : REQUIRED_SECRETS.keySet()) {
      Map<String, String> others = new HashMap<>(REQUIRED_SECRETS);
      others.remove(missing);
      ComposeSpec.Result unset = ComposeSpec.validate(text, others);
      assertThat(unset.valid()).as("without %s", missing).isFalse();
      assertThat(unset.errors()).as("the refusal names the variable").anySatisfy(e -> assertThat(e)
          .contains("required variable " + missing + " is missing a value").contains("see README"));
      // ${VAR:?...} refuses an empty value too, so `export SCIM_PLAYBOOK_SEAL_KEY=` is no way round it.
      others.put(missing, "");
      assertThat(ComposeSpec.validate(text, others).errors()).as("with %s empty", missing)
          .anySatisfy(e -> assertThat(e).contains(missing));
    }
  }

  @Test
  void theInProcessCheckFailsOnABrokenCopyOfTheFile() throws Exception {
    // An unknown key (a typo) and a wrong type: the schema, not a hand-written rule, must refuse each.
    String typo = replaceOnce(text, "    restart: unless-stopped\n", "    restart: unless-stopped\n    restrat: always\n");
    String wrongType = replaceOnce(text, "      retries: 60\n", "      retries: sixty\n");
    String badInterpolation = replaceOnce(text, "${TEMPORAL_DB_PASSWORD:-temporal}", "${TEMPORAL_DB_PASSWORD:-temporal");
    // broken copy → what the refusal must name
    Map<String, String> copies = Map.of(
        typo, "$.services.worker: property 'restrat' is not defined",
        wrongType, "healthcheck.retries",
        badInterpolation, "${TEMPORAL_DB_PASSWORD:-temporal");
    for (Map.Entry<String, String> broken : copies.entrySet()) {
      Path copy = Files.writeString(tmp.resolve("docker-compose.yml"), broken.getKey());
      ComposeSpec.Result result = ComposeSpec.validate(Files.readString(copy), REQUIRED_SECRETS);
      assertThat(result.valid()).as("a copy broken at %s", broken.getValue()).isFalse();
      assertThat(String.join("\n", result.errors())).as("a copy broken at %s", broken.getValue())
          .contains(broken.getValue());
      if (validatorInstalled()) {
        Validation byCompose = runValidator(copy, REQUIRED_SECRETS, "config", "-q");
        assertThat(byCompose.exitCode()).as("docker-compose on a copy broken at %s", broken.getValue()).isNotZero();
      }
    }
  }

  @Test
  void interpolationFollowsComposeRules() {
    Map<String, String> env = Map.of("SET", "x", "EMPTY", "");
    assertThat(ComposeSpec.interpolate("${SET:-d} ${EMPTY:-d} ${UNSET:-d}", env, "v")).isEqualTo("x d d");
    assertThat(ComposeSpec.interpolate("${SET-d} ${EMPTY-d} ${UNSET-d}", env, "v")).isEqualTo("x  d");
    assertThat(ComposeSpec.interpolate("${SET:+a}|${EMPTY:+a}|${EMPTY+a}|${UNSET+a}", env, "v")).isEqualTo("a||a|");
    assertThat(ComposeSpec.interpolate("$SET ${SET} $UNSET $$SET $$$$", env, "v")).isEqualTo("x x  $SET $$");
    assertThat(ComposeSpec.interpolate("${EMPTY?fine}", env, "v")).isEmpty();
    assertThat(ComposeSpec.interpolate("${UNSET:-${SET}}", env, "v")).isEqualTo("x");
    assertThatThrownBy(() -> ComposeSpec.interpolate("${EMPTY:?set EMPTY}", env, "v"))
        .hasMessage("required variable EMPTY is missing a value: set EMPTY");
    assertThatThrownBy(() -> ComposeSpec.interpolate("${UNSET?set it}", env, "v")).hasMessageContaining("UNSET");
    assertThatThrownBy(() -> ComposeSpec.interpolate("a $ b", env, "v")).hasMessageContaining("$$");
  }

  @Test
  void dockerComposeValidatesTheFileWithAndWithoutTheDemoProfile() throws Exception {
    assumeTrue(validatorInstalled(), () -> "'" + VALIDATOR + "' is not installed; the in-process check covers validity");
    Validation plain = runValidator(null, REQUIRED_SECRETS, "config", "-q");
    assertThat(plain.exitCode()).as("docker-compose config -q said:%n%s", plain.output()).isZero();

    Validation demo = runValidator(null, REQUIRED_SECRETS, "--profile", "demo", "config", "-q");
    assertThat(demo.exitCode()).as("docker-compose --profile demo config -q said:%n%s", demo.output()).isZero();
  }

  @Test
  void dockerComposeRefusesToStartWithoutEachRequiredSecretAndNamesIt() throws Exception {
    assumeTrue(validatorInstalled(), () -> "'" + VALIDATOR + "' is not installed; the in-process check covers this");
    for (String missing : REQUIRED_SECRETS.keySet()) {
      Map<String, String> others = new HashMap<>(REQUIRED_SECRETS);
      others.remove(missing);
      Validation result = runValidator(null, others, "config", "-q");
      assertThat(result.exitCode()).as("config without %s", missing).isNotZero();
      assertThat(result.output()).as("the refusal names the variable").contains(missing);
    }
  }

  @Test
  void everyImageIsPinnedToAnExactTagOnTheRequiredLines() {
    Map<String, String> tags = new LinkedHashMap<>();
    compose.services().forEach((name, service) -> {
      Object image = service.get("image");
      if (image == null) {
        assertThat(service).as("service %s has neither image nor build", name).containsKey("build");
        return;
      }
      String ref = image.toString();
      int colon = ref.lastIndexOf(':');
      assertThat(colon).as("service %s: image %s has no tag", name, ref).isPositive();
      String repo = ref.substring(0, colon);
      String tag = ref.substring(colon + 1);
      // Prometheus tags its releases v3.5.0.
      assertThat(tag).as("service %s: image %s must be pinned to an exact version", name, ref)
          .matches("v?\\d+\\.\\d+(\\.\\d+)?");
      assertThat(repo).as("service %s: auto-setup is no longer maintained", name)
          .isNotEqualTo("temporalio/auto-setup");
      String previous = tags.put(repo, tag);
      assertThat(previous == null || previous.equals(tag))
          .as("%s is used at two versions (%s and %s)", repo, previous, tag).isTrue();
    });

    assertThat(tags.get("temporalio/server")).as("temporalio/server").matches("1\\.30\\.\\d+");
    assertThat(tags.get("temporalio/admin-tools")).as("admin-tools on the server's version")
        .isEqualTo(tags.get("temporalio/server"));
    assertThat(tags.get("postgres")).as("postgres").matches("16\\.\\d+");
    assertThat(tags.get("elasticsearch")).as("elasticsearch").matches("7\\.17\\.\\d+");
    String ui = tags.get("temporalio/ui");
    assertThat(ui).as("temporalio/ui").matches(EXACT_VERSION);
    String[] v = ui.split("\\.");
    assertThat(Integer.parseInt(v[0]) > 2 || (Integer.parseInt(v[0]) == 2 && Integer.parseInt(v[1]) >= 34))
        .as("temporalio/ui %s must be 2.34 or newer", ui).isTrue();
  }

  @Test
  void hostPortsAreDistinctAndOnlyTheStarterPublishesTheWebhookPort() throws IOException {
    int webhookPort = starterWebhookPort();
    Map<Integer, String> owners = new HashMap<>();
    for (String name : compose.services().keySet()) {
      for (int port : compose.hostPorts(name)) {
        String other = owners.put(port, name);
        assertThat(other).as("host port %d is published by both %s and %s", port, other, name).isNull();
        if (port == webhookPort) {
          assertThat(name).as("host port %d is the starter's webhook port", port).isEqualTo("starter");
        }
      }
    }
    assertThat(compose.hostPorts("starter")).as("the starter publishes its webhook port").contains(webhookPort);
    assertThat(compose.hostPorts("temporal-ui")).as("the UI is published on a host port").hasSize(1);
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndStartsAfterWhatItNeeds() {
    List<String> oneShots = oneShotServices();
    assertThat(oneShots).as("the one-shot setup services")
        .containsExactlyInAnyOrder("temporal-schema", "temporal-namespace");

    compose.services().forEach((name, service) -> {
      if (!oneShots.contains(name)) {
        Object healthcheck = service.get("healthcheck");
        assertThat(healthcheck).as("long-running service %s needs a healthcheck", name).isNotNull();
        assertThat(ComposeFile.map(healthcheck, "healthcheck of " + name)).as("healthcheck of %s", name)
            .containsKey("test");
      }
      dependencies(name).forEach((dependency, condition) -> {
        String expected = oneShots.contains(dependency) ? "service_completed_successfully" : "service_healthy";
        assertThat(condition).as("%s depends on %s", name, dependency).isEqualTo(expected);
      });
    });

    assertThat(dependencies("temporal-schema")).containsKeys("postgresql", "elasticsearch");
    assertThat(dependencies("temporal")).containsKey("temporal-schema");
    assertThat(dependencies("temporal-namespace")).containsKey("temporal");
    // No run may start before its search attributes exist: the server would reject the first upsert.
    assertThat(dependencies("worker")).containsKey("temporal-namespace");
    assertThat(dependencies("starter")).containsKey("temporal-namespace");
  }

  @Test
  void theWorkerCanBeScaled() {
    Map<String, Object> worker = compose.service("worker");
    assertThat(worker).as("a fixed container_name would stop --scale worker=3").doesNotContainKey("container_name");
    assertThat(worker).as("a published port would collide between worker replicas").doesNotContainKey("ports");
  }

  @Test
  void theSetupServiceRegistersExactlyThePlaybookSearchAttributesAsKeyword() throws IOException {
    Map<String, String> env = compose.environment("temporal-namespace");
    String declared = env.get("SEARCH_ATTRIBUTES");
    assertThat(declared).as("temporal-namespace's SEARCH_ATTRIBUTES").isNotBlank();

    Map<String, String> registered = new LinkedHashMap<>();
    for (String pair : declared.trim().split("\\s+")) {
      String[] nameType = pair.split("=", 2);
      assertThat(nameType).as("'%s' should be Name=Type", pair).hasSize(2);
      assertThat(registered.put(nameType[0], nameType[1])).as("%s listed twice", nameType[0]).isNull();
    }
    Map<String, String> expected = PlaybookSearchAttributes.ALL.stream()
        .collect(Collectors.toMap(SearchAttributeKey::getName, k -> "Keyword", (a, b) -> a, LinkedHashMap::new));
    assertThat(registered).as("search attributes registered by docker-compose vs PlaybookSearchAttributes.ALL")
        .isEqualTo(expected);
    assertThat(env.get("NAMESPACE")).isEqualTo("default");

    // The script must hand each declared type to the CLI rather than assume one.
    String script = Files.readString(root.resolve("deploy/temporal/setup-namespace.sh"));
    assertThat(script).contains("temporal operator search-attribute create --name \"$name\" --type \"$type\"");
    assertThat(script).contains("temporal operator namespace create --namespace \"$NAMESPACE\"");
  }

  @Test
  void theSandboxRunsOnlyInTheDemoProfileAndTriggersTheStarter() {
    Map<String, String> optional = Map.of("sandbox", "demo", "prometheus", "observability", "grafana", "observability");
    compose.services().forEach((name, service) -> {
      if (optional.containsKey(name)) {
        assertThat(service.get("profiles")).as("%s profiles", name).isEqualTo(List.of(optional.get(name)));
      } else {
        assertThat(service).as("%s must run without a profile", name).doesNotContainKey("profiles");
      }
    });
    String command = String.valueOf(compose.service("sandbox").get("command"));
    assertThat(command).contains("--trigger http://starter:8080/events/scim-failure")
        .contains("--trigger-bearer-env SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN")
        .doesNotContain("Bearer $")
        .contains("--bind 0.0.0.0");
    assertThat(compose.environment("sandbox")).containsKey("SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN");
    assertThat(compose.environment("starter")).containsKey("SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN");
  }

  @Test
  void theWorkerAndStarterSettingsBindToTheApplicationsProperties() throws Exception {
    // The ${...} references resolved in-process, and by docker-compose where it is installed; Spring's binder then
    // reads each result as it would at startup.
    ComposeSpec.Result inProcess = ComposeSpec.validate(text, REQUIRED_SECRETS);
    assertThat(inProcess.errors()).isEmpty();
    assertBindings(inProcess.effective());
    if (validatorInstalled()) {
      Validation resolved = runValidator(null, REQUIRED_SECRETS, "--profile", "demo", "config");
      assertThat(resolved.exitCode()).as(resolved.output()).isZero();
      assertBindings(ComposeFile.parse(new StringReader(resolved.stdout())));
    }
  }

  private static void assertBindings(ComposeFile effective) throws IOException {
    Binder worker = binder(effective.environment("worker"));
    WorkerProperties properties = worker.bind("scim-playbook", WorkerProperties.class).get();
    assertThat(properties.sealKey()).isEqualTo(REQUIRED_SECRETS.get("SCIM_PLAYBOOK_SEAL_KEY"));
    assertThat(properties.escalationDir()).isEqualTo(Path.of("/app/escalations"));
    assertThat(bound(worker, "worker", "spring.temporal.connection.target")).isEqualTo("temporal:7233");
    assertThat(bound(worker, "worker", "spring.profiles.active")).isEqualTo("sandbox");
    String healthPort = bound(worker, "worker", "server.port");
    assertThat(String.valueOf(effective.service("worker").get("healthcheck")))
        .contains("127.0.0.1:" + healthPort + "/actuator/health/readiness");
    // application-sandbox.yml builds every vendor URL from these two; they must name the sandbox service.
    assertThat(effective.environment("worker")).containsEntry("SANDBOX_HOST", "sandbox")
        .containsEntry("SANDBOX_PORT", "8089");
    assertThat(Files.readString(root.resolve("worker/src/main/resources/application-sandbox.yml")))
        .contains("http://${SANDBOX_HOST:127.0.0.1}:${SANDBOX_PORT:8089}/api/v1/graphql2");

    Binder starter = binder(effective.environment("starter"));
    assertThat(bound(starter, "starter", "scim-playbook.webhook.bearer-token"))
        .isEqualTo(REQUIRED_SECRETS.get("SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN"));
    assertThat(bound(starter, "starter", "scim-playbook.playbook.monitoring-window")).isEqualTo("PT1H");
    assertThat(bound(starter, "starter", "spring.temporal.connection.target")).isEqualTo("temporal:7233");
    String managementPort = bound(starter, "starter", "management.server.port");
    assertThat(managementPort).isNotEqualTo(String.valueOf(starterWebhookPort()));
    assertThat(String.valueOf(effective.service("starter").get("healthcheck")))
        .contains("127.0.0.1:" + managementPort + "/actuator/health/readiness");
  }

  @Test
  void everyFileTheServicesMountExistsInTheRepository() {
    compose.services().forEach((name, service) -> {
      Object volumes = service.get("volumes");
      if (volumes == null) {
        return;
      }
      for (Object volume : ComposeFile.list(volumes, "volumes of " + name)) {
        String source = String.valueOf(volume).split(":")[0];
        if (source.startsWith("./")) {
          assertThat(root.resolve(source.substring(2))).as("%s mounts %s", name, source).exists();
        }
      }
    });
  }

  @Test
  void prometheusScrapesEveryWorkerReplicaAndTheStartersManagementPort() throws IOException {
    Map<String, Object> config = yaml("deploy/prometheus/prometheus.yml");
    Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    for (Object job : ComposeFile.list(config.get("scrape_configs"), "scrape_configs")) {
      Map<String, Object> j = ComposeFile.map(job, "a scrape config");
      jobs.put(String.valueOf(j.get("job_name")), j);
    }
    assertThat(jobs).containsOnlyKeys("scim-playbook-worker", "scim-playbook-starter");
    jobs.values().forEach(j -> assertThat(j).containsEntry("metrics_path", "/actuator/prometheus"));

    // By DNS, so `--scale worker=3` is scraped three times; on the port compose gives the worker's actuator.
    Map<String, Object> dns = ComposeFile.map(
        ComposeFile.list(jobs.get("scim-playbook-worker").get("dns_sd_configs"), "worker dns_sd_configs").get(0), "dns");
    assertThat(dns.get("names")).isEqualTo(List.of("worker"));
    assertThat(String.valueOf(dns.get("port"))).isEqualTo(compose.environment("worker").get("SERVER_PORT"));
    Map<String, Object> starter = ComposeFile.map(
        ComposeFile.list(jobs.get("scim-playbook-starter").get("static_configs"), "starter static_configs").get(0), "s");
    assertThat(starter.get("targets"))
        .isEqualTo(List.of("starter:" + compose.environment("starter").get("MANAGEMENT_SERVER_PORT")));
  }

  @Test
  void grafanaIsProvisionedWithThePrometheusDatasourceAndADashboardOfThePlaybooksSeries() throws IOException {
    Map<String, Object> datasources = yaml("deploy/grafana/provisioning/datasources/prometheus.yml");
    Map<String, Object> prometheus = ComposeFile.map(
        ComposeFile.list(datasources.get("datasources"), "datasources").get(0), "datasource");
    assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
    assertThat(compose.service("prometheus").get("ports")).isEqualTo(List.of("127.0.0.1:9090:9090"));

    Map<String, Object> providers = yaml("deploy/grafana/provisioning/dashboards/scim-playbook.yml");
    Object path = ComposeFile.map(ComposeFile.map(
        ComposeFile.list(providers.get("providers"), "providers").get(0), "provider").get("options"), "options")
        .get("path");
    assertThat(compose.service("grafana").get("volumes")).asList()
        .contains("./deploy/grafana/dashboards:" + path + ":ro");

    JsonNode dashboard = new ObjectMapper()
        .readTree(root.resolve("deploy/grafana/dashboards/scim-playbook.json").toFile());
    List<String> queries = new ArrayList<>();
    dashboard.get("panels").forEach(panel -> {
      assertThat(panel.at("/datasource/uid").asText()).as("panel %s", panel.get("title"))
          .isEqualTo(prometheus.get("uid"));
      panel.get("targets").forEach(target -> queries.add(target.get("expr").asText()));
    });
    // What the issue asks the dashboard to show: runs by outcome, time to diagnosis, pending tasks, webhook status,
    // workflow task latency; the names are those MetricsEndToEndTest and StarterMetricsTest read from the endpoints.
    assertThat(String.join("\n", queries)).contains("scim_playbook_runs_ended_total", "by (outcome)",
        "scim_playbook_time_to_diagnosis_seconds_bucket", "scim_playbook_operator_tasks_opened_total",
        "scim_playbook_operator_tasks_closed_total", "scim_playbook_operator_wait_seconds",
        "scim_playbook_webhook_requests_total", "temporal_workflow_task_execution_latency_seconds_bucket");
  }

  @ParameterizedTest
  @ValueSource(strings = {"worker", "starter", "sandbox"})
  void imagesBuildWithMavenAndRunOnAJreAsANonRootUser(String module) throws IOException {
    List<String> lines = Files.readAllLines(root.resolve(module).resolve("Dockerfile"), StandardCharsets.UTF_8);
    List<String> stages = new ArrayList<>();
    String userAfterLastFrom = null;
    for (String raw : lines) {
      String line = raw.trim();
      if (line.regionMatches(true, 0, "FROM ", 0, 5)) {
        stages.add(line.substring(5).trim());
        userAfterLastFrom = null;
      } else if (line.regionMatches(true, 0, "USER ", 0, 5)) {
        userAfterLastFrom = line.substring(5).trim();
      }
    }
    assertThat(stages).as("%s/Dockerfile stages", module).hasSizeGreaterThanOrEqualTo(2);
    assertThat(stages.get(0)).as("%s build stage", module).startsWith("maven:3.9-eclipse-temurin-17");
    assertThat(stages.get(stages.size() - 1)).as("%s runtime stage", module).startsWith("eclipse-temurin:17-jre");
    assertThat(userAfterLastFrom).as("%s/Dockerfile must set a USER in its runtime stage", module).isNotNull();
    assertThat(userAfterLastFrom.split(":")[0]).as("%s runtime user", module).isNotIn("root", "0");

    Map<String, Object> build = ComposeFile.map(compose.service(module).get("build"), module + " build");
    assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", module + "/Dockerfile");
  }

  private static List<String> oneShotServices() {
    List<String> oneShots = new ArrayList<>();
    compose.services().forEach((name, service) -> {
      if (String.valueOf(service.get("restart")).startsWith("on-failure")) {
        oneShots.add(name);
      }
    });
    return oneShots;
  }

  private static Map<String, Object> yaml(String file) throws IOException {
    return ComposeFile.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(root.resolve(file))),
        file);
  }

  private static Map<String, String> dependencies(String service) {
    Object dependsOn = compose.service(service).get("depends_on");
    Map<String, String> conditions = new LinkedHashMap<>();
    if (dependsOn == null) {
      return conditions;
    }
    if (dependsOn instanceof List<?> names) {
      names.forEach(n -> conditions.put(String.valueOf(n), "service_started"));
      return conditions;
    }
    ComposeFile.map(dependsOn, "depends_on of " + service).forEach((dependency, spec) ->
        conditions.put(dependency, String.valueOf(ComposeFile.map(spec, dependency).get("condition"))));
    return conditions;
  }

  private static int starterWebhookPort() throws IOException {
    String yml = Files.readString(root.resolve("starter/src/main/resources/application.yml"));
    Matcher m = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*\\$\\{STARTER_PORT:(\\d+)}").matcher(yml);
    assertThat(m.find()).as("starter application.yml server.port").isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static Binder binder(Map<String, String> environment) {
    Map<String, Object> env = new HashMap<>();
    environment.forEach((k, v) -> {
      if (v != null) {
        env.put(k, v);
      }
    });
    // Under this name Spring Boot maps environment variables exactly as it does for a real process environment.
    return new Binder(ConfigurationPropertySources.from(
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));
  }

  private static String bound(Binder binder, String service, String property) {
    return binder.bind(property, String.class).orElseThrow(() -> new AssertionError(
        "docker-compose.yml gives the " + service + " no environment variable that Spring binds to " + property));
  }

  private record Validation(int exitCode, String stdout, String output) {}

  private static String replaceOnce(String in, String target, String replacement) {
    assertThat(in).contains(target);
    return in.replaceFirst(Pattern.quote(target), Matcher.quoteReplacement(replacement));
  }

  /** Whether the docker-compose binary runs here; asked once. */
  private static synchronized boolean validatorInstalled() {
    if (validatorInstalled == null) {
      try {
        Process p = new ProcessBuilder(VALIDATOR, "version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        validatorInstalled = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        validatorInstalled = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        validatorInstalled = false;
      }
    }
    return validatorInstalled;
  }

  /** Runs docker-compose on {@code file} (null: the repository's docker-compose.yml), paths relative to the root. */
  private static Validation runValidator(Path file, Map<String, String> secrets, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(VALIDATOR, "-f",
        file == null ? "docker-compose.yml" : file.toString(), "--project-directory", root.toString()));
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile("docker-compose", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectError(stderr.toFile());
    // Only what the test sets: a developer's own exported secrets must not decide the outcome.
    builder.environment().keySet().removeAll(REQUIRED_SECRETS.keySet());
    builder.environment().putAll(secrets);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return fail("'" + VALIDATOR + "' did not start: " + e.getMessage());
    }
    process.getOutputStream().close();
    // stdout is read to its end before waiting, so a long config listing cannot block the child on a full pipe;
    // stderr goes to a file for the same reason.
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return fail(VALIDATOR + " did not finish within 60 s");
    }
    String err = Files.readString(stderr);
    Files.delete(stderr);
    return new Validation(process.exitValue(), out, out + err);
  }
}
