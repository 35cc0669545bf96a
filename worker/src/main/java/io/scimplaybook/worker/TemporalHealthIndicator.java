package io.scimplaybook.worker;

import io.scimplaybook.api.TemporalHealth;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code temporal}, part of the readiness group (application.yml): DOWN while the Temporal frontend
 * does not answer its gRPC health check ({@link TemporalHealth}). Liveness leaves it out on purpose: restarting this
 * process would not bring Temporal back.
 */
@Component
class TemporalHealthIndicator implements HealthIndicator {
  private final WorkflowServiceStubs stubs;

  TemporalHealthIndicator(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  @Override
  public Health health() {
    String problem = TemporalHealth.problem(stubs);
    return problem == null ? Health.up().build() : Health.down().withDetail("status", problem).build();
  }
}
