package io.scimplaybook.starter;

import io.scimplaybook.starter.webhook.WebhookProperties;
import io.temporal.serviceclient.ServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The WorkflowClient itself comes from temporal-spring-boot-starter: it builds the service stubs and the client
 * whenever {@code spring.temporal.connection.target} is set, with or without workers (none are configured here). The
 * stubs connect lazily, so the webhook starts even while Temporal is down and answers 503 until it is back.
 */
@Configuration(proxyBeanMethods = false)
class TemporalClientConfiguration {

  @Bean
  TemporalCallBudget temporalCallBudget(WebhookProperties webhook) {
    return new TemporalCallBudget(webhook.temporalTimeout());
  }

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedTemporalCalls(TemporalCallBudget budget) {
    return builder -> bound(builder, budget);
  }

  /**
   * The stubs' own bounds, each within the budget; {@link TemporalCallBudget#call} adds the one deadline all of an
   * event's calls share, which is what keeps their sum within it.
   */
  static WorkflowServiceStubsOptions.Builder bound(WorkflowServiceStubsOptions.Builder builder, TemporalCallBudget budget) {
    Duration deadline = budget.callDeadline();
    Duration perCall = deadline.compareTo(ServiceStubsOptions.DEFAULT_RPC_TIMEOUT) < 0
        ? deadline : ServiceStubsOptions.DEFAULT_RPC_TIMEOUT;
    return builder
        .setRpcRetryOptions(budget.retryOptions())
        .setRpcTimeout(perCall)
        // The first call also fetches the server's capabilities, on its own clock unless bounded too.
        .setSystemInfoTimeout(deadline);
  }
}
