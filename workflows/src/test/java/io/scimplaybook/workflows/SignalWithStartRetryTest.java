package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.scimplaybook.api.PlaybookDelivery;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * At a continue-as-new the Java test server closes the run before it starts the successor, and a signal-with-start in
 * between fails with NOT_FOUND ("Completed workflow"). {@link PlaybookDelivery} tries again; each attempt needs its own
 * request, since the SDK refuses to send one twice. Here the first signal-with-start of each delivery fails so.
 */
class SignalWithStartRetryTest {
  static final Instant BASE = Instant.parse("2026-11-29T06:00:00Z");

  private final PlaybookTestEnvironment t = new PlaybookTestEnvironment();

  @AfterEach
  void tearDown() {
    t.close();
  }

  private static ScimFailureEvent event(int i) {
    return new ScimFailureEvent(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE, BASE.plusSeconds(i),
        "invalid credentials #" + i, "story-1", ScimFailureEvent.ORIGIN_WEBHOOK, "ev-" + i);
  }

  /** A client whose signal-with-start fails with NOT_FOUND every other call, first call included. */
  private WorkflowClient closedRunOnFirstTry(AtomicInteger calls) {
    WorkflowClientOptions options = WorkflowClientOptions.newBuilder(t.client.getOptions())
        .setInterceptors(new WorkflowClientInterceptorBase() {
          @Override
          public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
            return new WorkflowClientCallsInterceptorBase(next) {
              @Override
              public WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
                if (calls.incrementAndGet() % 2 == 1) {
                  // What the gRPC stub throws when the server answers NOT_FOUND.
                  throw new StatusRuntimeException(Status.NOT_FOUND.withDescription("Completed workflow"));
                }
                return super.signalWithStart(input);
              }
            };
          }
        }).build();
    return WorkflowClient.newInstance(t.client.getWorkflowServiceStubs(), options);
  }

  @Test
  void aSignalWithStartRefusedAsNotFoundIsSentAgainAndCounted() {
    AtomicInteger calls = new AtomicInteger();
    WorkflowClient client = closedRunOnFirstTry(calls);
    PlaybookOptions options = PlaybookOptions.defaults();

    PlaybookDelivery.deliver(client, event(0), options);
    PlaybookDelivery.deliverAll(client, List.of(event(1), event(2), event(3)), options);

    assertThat(calls).as("each delivery refused once, then sent again").hasValue(4);
    assertThat(t.awaitStatus(s -> s.failures().count() >= 4, "every event counted").failures().count())
        .isEqualTo(4);
  }
}
