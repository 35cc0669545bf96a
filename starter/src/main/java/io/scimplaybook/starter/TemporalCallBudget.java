package io.scimplaybook.starter;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.temporal.serviceclient.RpcRetryOptions;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One wall-clock budget for everything one webhook event asks of Temporal (README: 503 within {@code
 * temporal-timeout}). The SDK's own bounds were per piece, and they added up: the first call's GetSystemInfo had its
 * own timeout, each signal-with-start attempt its own 10 s RPC deadline that could start just before the retry
 * expiration, a backoff sleep could run past it, and a lost start race made a second call with a fresh budget. An
 * unreachable Temporal answered after 10-15 s against the documented 10. Now every gRPC call of the delivery runs in a
 * {@link Context} whose deadline is the budget less one retry back-off, so a call in flight is cut at the deadline,
 * the retryer stops retrying at it ({@code GrpcSyncRetryer} checks the context deadline) and the last back-off sleep,
 * capped at {@link #maxBackoff}, cannot carry the total past the budget; and the wait for all of it is bounded by
 * that deadline ({@link #call}), for what the SDK does on its own clock.
 */
public final class TemporalCallBudget {

  /** Cancels a context at its deadline; one daemon thread for the process, idle between deadlines. */
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "temporal-call-deadline");
    t.setDaemon(true);
    return t;
  });

  /** Events waiting for Temporal at once; past it the webhook answers 503 at once rather than queueing threads. */
  static final int MAX_IN_FLIGHT = 256;

  /** Threads that wait on Temporal for the webhook's request threads; idle ones go after a minute. */
  private static final ExecutorService CALLERS = new ThreadPoolExecutor(0, MAX_IN_FLIGHT, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "temporal-call");
        t.setDaemon(true);
        return t;
      });

  private final Duration budget;

  public TemporalCallBudget(Duration budget) {
    if (budget == null || budget.isZero() || budget.isNegative()) {
      throw new IllegalArgumentException("the Temporal call budget must be positive, got " + budget);
    }
    this.budget = budget;
  }

  public Duration budget() {
    return budget;
  }

  /** The longest back-off between two attempts: a tenth of the budget, at most one second. */
  public Duration maxBackoff() {
    Duration tenth = budget.dividedBy(10);
    return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
  }

  /** The deadline every call of one delivery shares: the budget less one back-off, which may sleep past it. */
  public Duration callDeadline() {
    return budget.minus(maxBackoff());
  }

  /** Retry options for the service stubs: give up at the call deadline, never sleep longer than {@link #maxBackoff}. */
  public RpcRetryOptions retryOptions() {
    Duration initial = Duration.ofMillis(Math.min(100, Math.max(1, maxBackoff().toMillis())));
    return RpcRetryOptions.newBuilder()
        .setExpiration(callDeadline())
        .setInitialInterval(initial)
        .setCongestionInitialInterval(initial)
        .setMaximumInterval(maxBackoff())
        .setMaximumJitterCoefficient(0.1)
        .validateBuildWithDefaults();
  }

  /**
   * Runs {@code work} (its gRPC calls) under the shared deadline, on a thread of its own, and waits for it at most that
   * deadline: the SDK's own retry of GetSystemInfo backs off on its default schedule (sleeps of seconds) and class
   * loading on a cold client is not a gRPC call at all, so only a wait bounded here holds the answer to the budget.
   * Past it the context is cancelled (a call in flight ends) and this throws DEADLINE_EXCEEDED; the work may still
   * have reached Temporal, which the run's event-id count makes harmless for a sender that retries with its id.
   */
  public <T> T call(Supplier<T> work) {
    Context.CancellableContext context = Context.current()
        .withDeadline(Deadline.after(callDeadline().toNanos(), TimeUnit.NANOSECONDS), DEADLINES);
    Future<T> result;
    try {
      result = CALLERS.submit(() -> context.call(work::get));
    } catch (RejectedExecutionException e) {
      context.cancel(null);
      throw Status.UNAVAILABLE.withDescription("more than " + MAX_IN_FLIGHT + " events are waiting for Temporal")
          .asRuntimeException();
    }
    try {
      // Waits no longer than the calls' own deadline: the back-off left of the budget is for writing the answer,
      // which on a cold, loaded process took 0.6 s (TemporalCallBudgetTest).
      return result.get(callDeadline().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw Status.DEADLINE_EXCEEDED.withDescription("no answer from Temporal within " + callDeadline())
          .asRuntimeException();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted while waiting for Temporal").asRuntimeException();
    } finally {
      context.cancel(null);
    }
  }
}
