package io.scimplaybook.api;

import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;

/**
 * The Temporal frontend's gRPC health check, read once for the worker's and the starter's readiness indicators (each a
 * Spring bean in its own application; this is the part they share).
 */
public final class TemporalHealth {
  private TemporalHealth() {}

  /** Null while the frontend serves; otherwise what it answered or why it could not be asked (a gRPC status code). */
  public static String problem(WorkflowServiceStubs stubs) {
    try {
      // Bounded by the stubs' health-check attempt timeout; an unreachable server fails at once with UNAVAILABLE.
      HealthCheckResponse answer = stubs.healthCheck();
      return answer.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? null : answer.getStatus().name();
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode().name();
    }
  }
}
