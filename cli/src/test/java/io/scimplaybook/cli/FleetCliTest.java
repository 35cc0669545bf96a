package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.api.FleetReporting;
import io.scimplaybook.api.FleetWatchWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.fleet.AffectedSource;
import io.scimplaybook.api.fleet.FleetCarryOver;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetIncidentDetail;
import io.scimplaybook.api.fleet.FleetInput;
import io.scimplaybook.api.fleet.FleetMark;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code fleet}: real gRPC to the test server, a fake fleet watch holding one open and one cleared incident. */
class FleetCliTest {

  private final TemporalTestServer temporal = TemporalTestServer.start();
  private final Map<String, String> env = Map.of("TEMPORAL_ADDRESS", temporal.target());

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new PlaybookCli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

  private void startWatch() {
    List<AffectedSource> many = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add(new AffectedSource(PlaybookIds.workflowId(String.valueOf(100 + i), "7"), String.valueOf(100 + i), "7",
          "ENTRA_ID", null, T.plusSeconds(i)));
    }
    FleetIncidentDetail open = new FleetIncidentDetail(new FleetIncident("F2",
        "provisioning failed http service unavailable", "Provisioning failed: HTTP 503 Service Unavailable",
        FleetScope.ACROSS_ACCOUNTS, "25 accounts", 25, T, T.plusSeconds(600), null), many);
    FleetIncidentDetail cleared = new FleetIncidentDetail(new FleetIncident("F1", "okta rate limit exceeded",
        "Okta rate limit exceeded", FleetScope.TENANT, "OKTA https://acme.okta.com", 6, T.minusSeconds(7_200),
        T.minusSeconds(6_000), T.minusSeconds(3_300)),
        List.of(new AffectedSource("scim-playbook-300-1", "300", "1", "OKTA", "https://acme.okta.com",
            T.minusSeconds(7_200))));
    FleetCarryOver state = new FleetCarryOver(2, List.of(open), List.of(cleared), List.<FleetMark>of(), List.of(),
        List.of(), 1_234, 3);
    WorkflowClient.start(temporal.client().newWorkflowStub(FleetWatchWorkflow.class, FleetReporting.startOptions())::run,
        new FleetInput(FleetSettings.defaults(), state));
  }

  @Test
  void showsOpenAndClearedIncidentsWithReasonScopeSourcesAndTimes() {
    startWatch();

    Result r = cli("fleet");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Fleet watch scim-playbook-fleet: 1 open incident(s), 1 cleared recently\n")
        .contains("  threshold: 5 sources with one reason within PT15M; clears after PT45M without a new failure; "
            + "runs hold up to PT4H before asking people\n")
        .contains("  sightings counted: 1234")
        .contains("OPEN F2: \"Provisioning failed: HTTP 503 Service Unavailable\"\n"
            + "  reason key: provisioning failed http service unavailable\n"
            + "  scope:      across 25 accounts\n"
            + "  declared:   2026-12-01T09:00:00Z\n"
            + "  last failure: 2026-12-01T09:10:00Z\n"
            + "  sources:    25\n"
            + "    scim-playbook-100-7  ENTRA_ID  since 2026-12-01T09:00:00Z\n")
        .contains("    ... and 5 more (--json for those kept)\n")
        .contains("CLEARED F1: \"Okta rate limit exceeded\"\n")
        .contains("  scope:      IdP tenant OKTA https://acme.okta.com\n")
        .contains("  cleared:    2026-12-01T08:05:00Z\n")
        .contains("    scim-playbook-300-1  OKTA https://acme.okta.com  since 2026-12-01T07:00:00Z\n");
    assertThat(r.out().indexOf("OPEN F2")).isLessThan(r.out().indexOf("CLEARED F1"));
  }

  @Test
  void jsonCarriesEveryKeptSource() throws Exception {
    startWatch();

    Result r = cli("fleet", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("open").get(0).get("affected")).hasSize(25);
    assertThat(json.get("recent").get(0).get("incident").get("clearedAt").asText()).isEqualTo("2026-12-01T08:05:00Z");
  }

  @Test
  void withoutAFleetWatchItSaysWhyAndExitsNotFound() {
    Result r = cli("fleet");

    assertThat(r.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("no fleet watch (scim-playbook-fleet) yet");
  }
}
