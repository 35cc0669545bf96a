package io.scimplaybook.starter;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code temporal}, part of the readiness group (application.yml): DOWN while the Temporal frontend
 * does not answer its gRPC health check. Liveness leaves it out on purpose: restarting this process would not bring
 * Temporal back. The starter and the worker each hold this copy; they share no Spring module.
 */
@Component
class TemporalHealthIndicator implements HealthIndicator {
  private final WorkflowServiceStubs stubs;

  TemporalHealthIndicator(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  @Override
  public Health health() {
    try {
      // Bounded by the stubs' health-check attempt timeout; an unreachable server fails at once with UNAVAILABLE.
      HealthCheckResponse answer = stubs.healthCheck();
      return answer.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? Health.up().build()
          : Health.down().withDetail("status", answer.getStatus().name()).build();
    } catch (StatusRuntimeException e) {
      return Health.down().withDetail("status", e.getStatus().getCode().name()).build();
    }
  }
}
