package io.scimplaybook.worker;

import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.EventsFeedActivities;
import io.scimplaybook.api.activities.FleetActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.activities.NotificationActivities;
import io.scimplaybook.api.activities.RoutingActivities;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.spring.boot.WorkflowImplementationOptionsCustomizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies {@link WorkerFailoverProperties} to the worker that temporal-spring-boot-starter builds. */
@Configuration
@EnableConfigurationProperties(WorkerFailoverProperties.class)
public class WorkerFailover {
  private static final Logger log = LoggerFactory.getLogger(WorkerFailover.class);

  /** Every activity interface the worker's workflows call. */
  static final List<Class<?>> ACTIVITY_INTERFACES = List.of(SourceActivities.class, CatoActivities.class,
      IdpActivities.class, TokenRotationActivities.class, EscalationActivities.class, NotificationActivities.class,
      EventsFeedActivities.class, RoutingActivities.class, FleetActivities.class);

  @Bean
  WorkerOptionsCustomizer failoverWorkerOptions(WorkerFailoverProperties failover) {
    return (options, workerName, taskQueue) -> {
      if (!failover.stickyExecution()) {
        // A zero timeout makes the SDK send no sticky attributes, so the server queues every task on the shared queue.
        log.info("Sticky execution off for task queue {}: every workflow task goes through the shared queue",
            taskQueue);
        options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
      }
      return options;
    };
  }

  @Bean
  WorkflowImplementationOptionsCustomizer failoverActivityTimeouts(WorkerFailoverProperties failover) {
    return (options, worker, workflowClass, workflowMethod) -> {
      if (failover.activityStartToClose() != null) {
        options.setActivityOptions(startToCloseByActivityType(failover.activityStartToClose()));
      }
      return options;
    };
  }

  /**
   * Per-type options merge over the workflow's own (they win field by field), so only the start-to-close timeout
   * changes; retries stay the workflow's.
   */
  static Map<String, ActivityOptions> startToCloseByActivityType(Duration startToClose) {
    ActivityOptions override = ActivityOptions.newBuilder().setStartToCloseTimeout(startToClose).build();
    Map<String, ActivityOptions> byType = new TreeMap<>();
    for (Class<?> type : ACTIVITY_INTERFACES) {
      for (POJOActivityMethodMetadata method : POJOActivityInterfaceMetadata.newInstance(type).getMethodsMetadata()) {
        byType.put(method.getActivityTypeName(), override);
      }
    }
    return byType;
  }
}
