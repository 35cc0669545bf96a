package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.activity.ActivityOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkerFailoverTest {
  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(WorkerFailover.class);

  @Test
  void byDefaultTheWorkerStaysStickyAndEveryActivityKeepsItsOwnTimeout() {
    context.run(beans -> {
      WorkerFailover config = beans.getBean(WorkerFailover.class);
      WorkerFailoverProperties failover = beans.getBean(WorkerFailoverProperties.class);
      assertThat(failover.stickyExecution()).isTrue();
      WorkerOptions worker = config.failoverWorkerOptions(failover)
          .customize(WorkerOptions.newBuilder(), "w", "scim-playbook").build();
      assertThat(worker.getStickyQueueScheduleToStartTimeout()).isEqualTo(WorkerOptions.newBuilder().build()
          .getStickyQueueScheduleToStartTimeout());
      WorkflowImplementationOptions workflow = config.failoverActivityTimeouts(failover)
          .customize(WorkflowImplementationOptions.newBuilder(), null, null, null).build();
      assertThat(workflow.getActivityOptions()).isEmpty();
    });
  }

  @Test
  void crashTestSettingsTurnStickinessOffAndReplaceEveryActivitysStartToClose() {
    context.withPropertyValues("scim-playbook.failover.sticky-execution=false",
        "scim-playbook.failover.activity-start-to-close=5s").run(beans -> {
      WorkerFailover config = beans.getBean(WorkerFailover.class);
      WorkerFailoverProperties failover = beans.getBean(WorkerFailoverProperties.class);
      WorkerOptions worker = config.failoverWorkerOptions(failover)
          .customize(WorkerOptions.newBuilder(), "w", "scim-playbook").build();
      // Zero is what makes the SDK complete workflow tasks without sticky attributes.
      assertThat(worker.getStickyQueueScheduleToStartTimeout()).isZero();

      Map<String, ActivityOptions> byType = config.failoverActivityTimeouts(failover)
          .customize(WorkflowImplementationOptions.newBuilder(), null, null, null).build().getActivityOptions();
      assertThat(byType).containsKeys("DescribeSource", "FindScimStories", "FindFailureEvents", "ProvisionOnDemand",
          "SaveTokenAtIdp", "DeliverBundle", "JobStatus", "RestartJob");
      assertThat(byType.values()).allSatisfy(options -> {
        assertThat(options.getStartToCloseTimeout()).isEqualTo(Duration.ofSeconds(5));
        // Merged over the workflow's own options field by field: retries and schedule-to-close stay the workflow's.
        assertThat(options.getRetryOptions()).isNull();
        assertThat(options.getScheduleToCloseTimeout()).isNull();
      });
    });
  }

  /** A list kept by hand: an activity added to the worker but not here kept its own start-to-close after a crash. */
  @Test
  void everyActivityTheWorkerRegistersIsCoveredByTheFailoverSetting() throws Exception {
    String yaml;
    try (var in = WorkerFailoverTest.class.getResourceAsStream("/application.yml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var beans = java.util.regex.Pattern.compile("(?m)^\\s+- (\\w+Activities)\\s*$").matcher(yaml).results()
        .map(m -> m.group(1)).toList();
    assertThat(beans).hasSizeGreaterThanOrEqualTo(8);
    for (String bean : beans) {
      Class<?> type = Class.forName("io.scimplaybook.api.activities." + Character.toUpperCase(bean.charAt(0))
          + bean.substring(1));
      assertThat(WorkerFailover.ACTIVITY_INTERFACES).as("activity bean " + bean).contains(type);
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefusedByName() {
    assertThatThrownBy(() -> new WorkerFailoverProperties(false, Duration.ZERO))
        .hasMessageContaining("scim-playbook.failover.activity-start-to-close");
  }
}
