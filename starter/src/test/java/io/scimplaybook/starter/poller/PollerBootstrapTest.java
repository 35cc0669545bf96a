package io.scimplaybook.starter.poller;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerInput;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.status.PollerStatus;
import io.scimplaybook.starter.webhook.FailureEventWebhookTest;
import io.scimplaybook.testkit.PollerProbe;
import io.scimplaybook.testkit.TemporalTestServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The boot-time list {@code scim-playbook.poller.accounts}: the starter starts each account's poller with the
 * configured settings, and leaves one that is already running alone, with its run, settings and marker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "scim-playbook.webhook.bearer-token=" + FailureEventWebhookTest.TOKEN,
    "scim-playbook.poller.accounts=9401,9402," + PollerBootstrapTest.RUNNING,
    "scim-playbook.poller.interval=PT40S",
    "scim-playbook.poller.min-spacing=PT2S",
    "scim-playbook.poller.polls-before-continue-as-new=50",
    "scim-playbook.playbook.monitoring-window=PT7M"})
class PollerBootstrapTest {

  static final String RUNNING = "9403";
  static final TemporalTestServer temporal = TemporalTestServer.start();
  static final PollerOptions RUNNING_OPTIONS = PollerOptions.defaults().withPollInterval(Duration.ofMinutes(2));
  /** Started, and moved on, before the Spring context (and so the bootstrap) exists. */
  static final String RUNNING_RUN_ID = startRunningPoller();

  @DynamicPropertySource
  static void temporalTarget(DynamicPropertyRegistry registry) {
    registry.add("spring.temporal.connection.target", temporal::target);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  private static String startRunningPoller() {
    String workflowId = PlaybookIds.pollerWorkflowId(RUNNING);
    EventsFeedPollerWorkflow poller = temporal.client().newWorkflowStub(EventsFeedPollerWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(PlaybookIds.TASK_QUEUE).build());
    String runId = WorkflowClient.start(poller::run,
        PollerInput.fresh(RUNNING, RUNNING_OPTIONS, PlaybookOptions.defaults())).getRunId();
    probe(RUNNING).polled("marker-before-boot", 4, 6);
    awaitStatus(RUNNING, s -> "marker-before-boot".equals(s.marker()));
    return runId;
  }

  private static PollerProbe probe(String account) {
    return temporal.client().newWorkflowStub(PollerProbe.class, PlaybookIds.pollerWorkflowId(account));
  }

  @Test
  void eachListedAccountGetsAPollerWithTheConfiguredSettings() {
    PollerOptions configured = new PollerOptions(Duration.ofSeconds(40), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMinutes(5), 50);
    for (String account : new String[] {"9401", "9402"}) {
      PollerInput input = probe(account).startedWith();
      assertThat(input.accountId()).isEqualTo(account);
      assertThat(input.marker()).isNull();
      assertThat(input.options()).isEqualTo(configured);
      assertThat(input.playbook().monitoringWindow()).isEqualTo(Duration.ofMinutes(7));
      assertThat(input.playbook().approvalTimeout()).isEqualTo(PlaybookOptions.defaults().approvalTimeout());
    }
  }

  @Test
  void anAlreadyRunningPollerKeepsItsRunItsSettingsAndItsMarker() {
    String workflowId = PlaybookIds.pollerWorkflowId(RUNNING);
    assertThat(temporal.client().newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId())
        .isEqualTo(RUNNING_RUN_ID);
    assertThat(probe(RUNNING).startedWith().options()).isEqualTo(RUNNING_OPTIONS);
    PollerStatus status = temporal.client().newWorkflowStub(EventsFeedPollerWorkflow.class, workflowId).status();
    assertThat(status.marker()).isEqualTo("marker-before-boot");
    assertThat(status.polls()).isEqualTo(4);
    assertThat(status.eventsDelivered()).isEqualTo(6);
  }

  static PollerStatus awaitStatus(String account, java.util.function.Predicate<PollerStatus> condition) {
    EventsFeedPollerWorkflow poller = temporal.client()
        .newWorkflowStub(EventsFeedPollerWorkflow.class, PlaybookIds.pollerWorkflowId(account));
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    PollerStatus last = null;
    while (System.nanoTime() < deadline) {
      last = poller.status();
      if (condition.test(last)) {
        return last;
      }
    }
    throw new AssertionError("poller " + account + " never got there; last: " + last);
  }
}
