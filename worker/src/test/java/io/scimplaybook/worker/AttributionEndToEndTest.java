package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimplaybook.activities.source.AttributedDelivery;
import io.scimplaybook.activities.source.RoutingActivitiesImpl;
import io.scimplaybook.activities.source.SourceAttribution;
import io.scimplaybook.api.EventRouterWorkflow;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.sandbox.SandboxConfig;
import io.scimplaybook.sandbox.SandboxServer;
import io.scimplaybook.workflows.EventRouterWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Events that name no SCIM source, through the real router, attribution and playbook against the sandbox (two sources
 * in account 12345), on the time-skipping test server.
 */
class AttributionEndToEndTest {
  @TempDir Path escalations;
  private SandboxWorker world;
  private SandboxServer sandbox;
  private WorkflowClient client;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    logs.start();
    ((Logger) LoggerFactory.getLogger(SourceAttribution.class)).addAppender(logs);
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("7", "Contoso Entra ID");
    sources.put("8", "Fabrikam Entra ID");
    world = new SandboxWorker(SandboxConfig.defaults().withPort(0).withSecondSource("8"), escalations, sources);
    sandbox = world.sandbox;
    client = world.client;
    world.worker.registerWorkflowImplementationTypes(EventRouterWorkflowImpl.class);
    world.worker.registerActivitiesImplementations(
        new RoutingActivitiesImpl(new AttributedDelivery(world.activities.attribution(), client)));
    world.start();
  }

  @AfterEach
  void tearDown() {
    world.close();
    ((Logger) LoggerFactory.getLogger(SourceAttribution.class)).detachAppender(logs);
  }

  private static ScimFailureEvent noSource(String account, String eventId, String message) {
    return new ScimFailureEvent(account, null, Instant.now().minusSeconds(120), "invalid credentials", null,
        ScimFailureEvent.ORIGIN_WEBHOOK, eventId, null, message);
  }

  private void awaitRouter(String account) {
    WorkflowStub.fromTyped(client.newWorkflowStub(EventRouterWorkflow.class, PlaybookIds.routerWorkflowId(account)))
        .getResult(Void.class);
  }

  @Test
  void anAccountWithoutAConfiguredSourceEndsEscalatedNamingTheMissingEntryLoggedOnce() {
    for (int i = 1; i <= 3; i++) {
      PlaybookDelivery.deliver(client, noSource("555", "ev-" + i, "SCIM provisioning failed"), PlaybookOptions.defaults());
    }
    awaitRouter("555");

    PlaybookReport report = WorkflowStub.fromTyped(client.newWorkflowStub(ScimPlaybookWorkflow.class,
        PlaybookIds.workflowId("555", PlaybookIds.UNCONFIGURED_SOURCE))).getResult(PlaybookReport.class);

    assertThat(report.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(report.conclusion()).contains("no scim-playbook.sources entry with account-id 555")
        .contains("account-id: \"555\"");
    assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN)).as("logged once per account").hasSize(1);
  }

  @Test
  void twoSourcesInOneAccountAndNoHintThatTellsThemApartStartTwoRuns() {
    // Both sources are Entra ID, so "Entra ID" in the message names neither one alone.
    PlaybookDelivery.deliver(client, noSource("12345", "ev-two", "SCIM provisioning from Entra ID SCIM failed"),
        PlaybookOptions.defaults());
    awaitRouter("12345");

    for (String source : List.of("7", "8")) {
      String id = PlaybookIds.workflowId("12345", source);
      assertThat(client.newUntypedWorkflowStub(id).describe().getExecution().getWorkflowId()).isEqualTo(id);
      assertThat(client.newWorkflowStub(ScimPlaybookWorkflow.class, id).status().workflowId()).isEqualTo(id);
    }
    assertThat(client.newWorkflowStub(EventRouterWorkflow.class, PlaybookIds.routerWorkflowId("12345")).status()
        .lastRoutedTo()).containsExactly("scim-playbook-12345-7", "scim-playbook-12345-8");
  }
}
