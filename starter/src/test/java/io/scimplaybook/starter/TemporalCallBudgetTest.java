package io.scimplaybook.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.starter.webhook.PlaybookStarter;
import io.scimplaybook.starter.webhook.TemporalUnavailableException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * 503 within temporal-timeout (README). The bounds are asserted as configured; one call against a Temporal that
 * accepts connections and never answers (the case that took the per-call RPC deadline on top of everything else)
 * proves they hold together.
 */
class TemporalCallBudgetTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void everyStubBoundAndTheLastBackOffFitInsideTheBudget() {
    TemporalCallBudget budget = new TemporalCallBudget(TEN_SECONDS);
    WorkflowServiceStubsOptions options = TemporalClientConfiguration.bound(
        WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:1"), budget).build();
    RpcRetryOptions retry = options.getRpcRetryOptions();

    assertThat(budget.callDeadline()).isEqualTo(Duration.ofSeconds(9));
    assertThat(retry.getMaximumInterval()).isEqualTo(Duration.ofSeconds(1));
    // The retryer stops at the deadline; a back-off already begun may sleep one interval (plus jitter) past it.
    Duration worstSleep = retry.getMaximumInterval().plusMillis(
        (long) (retry.getMaximumInterval().toMillis() * retry.getMaximumJitterCoefficient()));
    assertThat(retry.getExpiration().plus(worstSleep)).isLessThanOrEqualTo(TEN_SECONDS.plusMillis(100));
    assertThat(options.getRpcTimeout()).isLessThanOrEqualTo(budget.callDeadline());
    assertThat(options.getSystemInfoTimeout()).isLessThanOrEqualTo(budget.callDeadline());
  }

  @Test
  void aShortBudgetBacksOffInTenthsOfIt() {
    TemporalCallBudget budget = new TemporalCallBudget(Duration.ofSeconds(2));
    assertThat(budget.maxBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(budget.callDeadline()).isEqualTo(Duration.ofMillis(1800));
  }

  @Test
  void aTemporalThatAcceptsConnectionsButNeverAnswersIsRefusedWithinTheBudget() throws Exception {
    Duration limit = Duration.ofSeconds(3);
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (Exception closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      TemporalCallBudget budget = new TemporalCallBudget(limit);
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(TemporalClientConfiguration.bound(
          WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + silent.getLocalPort()), budget).build());
      try {
        PlaybookStarter starter = new PlaybookStarter(
            WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build()),
            defaults(), budget);
        ScimFailureEvent event = new ScimFailureEvent("9001", "7", Instant.now(), "r", null,
            ScimFailureEvent.ORIGIN_WEBHOOK);

        // As the starter does once it is ready (TemporalClientWarmUp): without it the first event also paid for
        // loading gRPC and Netty (4.5 s against a 2 s budget, load average 24 on 2 cores). The first refusal still
        // loads the refusal path's classes (0.6 s there), which the budget's last back-off leaves room for.
        Instant warm = Instant.now();
        TemporalClientWarmUp.warmUp(stubs, budget);
        Duration warmUp = Duration.between(warm, Instant.now());
        Instant coldStart = Instant.now();
        catchThrowableOfType(TemporalUnavailableException.class, () -> starter.accept(event));
        Duration cold = Duration.between(coldStart, Instant.now());
        Instant start = Instant.now();
        TemporalUnavailableException refused =
            catchThrowableOfType(TemporalUnavailableException.class, () -> starter.accept(event));
        Duration took = Duration.between(start, Instant.now());
        System.out.println("TemporalCallBudgetTest: warm-up " + warmUp + ", first refusal after " + cold + ", next after " + took);

        assertThat(refused).hasMessageContaining("Temporal is unreachable");
        assertThat(took).as("took %s", took).isLessThan(limit);
      } finally {
        stubs.shutdownNow();
        held.forEach(s -> {
          try {
            s.close();
          } catch (Exception ignored) {
            // closing a socket the test held open
          }
        });
      }
    }
  }

  private static PlaybookProperties defaults() {
    PlaybookOptions d = PlaybookOptions.defaults();
    return new PlaybookProperties(d.monitoringWindow(), d.approvalTimeout(), d.reminderInterval(), d.auditWindow(),
        d.verificationLookback(), d.maxCycles(), d.maxTokenAttempts(), d.recoveryProofBound(), true,
        d.maxClaimReopens());
  }
}
