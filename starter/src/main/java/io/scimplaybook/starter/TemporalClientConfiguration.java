package io.scimplaybook.starter;

import io.scimplaybook.starter.webhook.WebhookProperties;
import io.temporal.serviceclient.RpcRetryOptions;
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
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedTemporalCalls(WebhookProperties webhook) {
    Duration limit = webhook.temporalTimeout();
    Duration perCall = limit.compareTo(ServiceStubsOptions.DEFAULT_RPC_TIMEOUT) < 0 ? limit : ServiceStubsOptions.DEFAULT_RPC_TIMEOUT;
    // The first call also fetches the server's capabilities, retried on its own clock: bound that one too, or an
    // unreachable server costs the system-info timeout on top of the retry limit.
    return builder -> builder
        .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(limit).build())
        .setRpcTimeout(perCall)
        .setSystemInfoTimeout(limit);
  }
}
