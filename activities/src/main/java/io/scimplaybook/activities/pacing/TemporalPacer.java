package io.scimplaybook.activities.pacing;

import io.scimplaybook.api.pacing.PaceGrant;
import io.scimplaybook.api.pacing.PaceKey;
import io.scimplaybook.api.pacing.PaceLimiterWorkflow;
import io.scimplaybook.api.pacing.PaceRequest;
import io.scimplaybook.api.pacing.PacerInput;
import io.scimplaybook.api.pacing.PacerState;
import io.scimplaybook.api.pacing.PauseRequest;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns shared by every worker process through the key's {@link PaceLimiterWorkflow}: reserve a slot by Update
 * (starting the limiter when none runs), wait for it, and before going check that no 429 paused the key meanwhile.
 *
 * <p>A slot granted before another worker's 429 is re-checked only if its caller waited at least {@code recheckAfter}
 * (a query, no history): a caller whose slot is now was going to be in flight with the 429 anyway. This JVM's own
 * pauses are seen without a round trip. If the limiter does not answer within {@code reserveTimeout} (Temporal down,
 * no worker on its queue) the call is paced by this JVM alone and a warning says so: vendor calls keep their pace
 * here rather than stop.
 */
public final class TemporalPacer implements Pacer {
  private static final Logger log = LoggerFactory.getLogger(TemporalPacer.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final long WARN_EVERY_MILLIS = 60_000;

  private final WorkflowClient client;
  private final PacerInput fresh;
  private final Duration margin;
  private final Duration recheckAfter;
  private final Duration reserveTimeout;
  private final Clock clock;
  private final LocalPacer local;
  private final ConcurrentHashMap<PaceKey, Long> pausedHere = new ConcurrentHashMap<>();
  private final AtomicLong lastWarning = new AtomicLong();
  private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "pace-limiter-call");
    thread.setDaemon(true);
    return thread;
  });

  public TemporalPacer(WorkflowClient client, PacerInput fresh, Duration margin, Duration recheckAfter,
      Duration reserveTimeout, Clock clock) {
    this.client = client;
    this.fresh = fresh;
    this.margin = margin;
    this.recheckAfter = recheckAfter;
    this.reserveTimeout = reserveTimeout;
    this.clock = clock;
    this.local = new LocalPacer(margin, clock);
  }

  @Override
  public void awaitTurn(PaceKey key, PaceLimit limit) throws InterruptedException {
    PaceRequest spacing = limit.spacing(margin);
    while (true) {
      PaceGrant grant;
      try {
        grant = reserve(key, spacing);
      } catch (TimeoutException | RuntimeException unreachable) {
        warn(key, unreachable);
        PaceWait.until(Math.max(local.reserve(key, spacing), pausedHere.getOrDefault(key, 0L)), clock);
        return;
      }
      // A wait from now, not the limiter's instant: its clock is its workflow's (docs/pacing.md).
      long received = clock.millis();
      PaceWait.until(received + grant.waitMillis(), clock);
      long now = clock.millis();
      if (pausedHere.getOrDefault(key, 0L) > now) {
        continue;
      }
      if (now - received >= recheckAfter.toMillis() && pausedSince(key, grant)) {
        continue;
      }
      return;
    }
  }

  @Override
  public void pause(PaceKey key, Duration wait, String reason) {
    pausedHere.merge(key, clock.millis() + wait.toMillis(), Math::max);
    try {
      bounded(() -> {
        signalWithStart(key, wait.toMillis(), reason);
        return null;
      }, reserveTimeout.toMillis());
    } catch (TimeoutException | RuntimeException unreachable) {
      // This JVM still honours it; the others learn of it from their own 429.
      warn(key, unreachable);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The limiter's slot for one request; starts the limiter when none is running (first call, or it idled out). Each
   * attempt has a short bound of its own: an update that reaches a run just as it continues as new was seen to go
   * unanswered for seconds on the Java test server, and the next attempt finds the new run. A slot granted to an
   * abandoned attempt is lost, never shared: it only spaces the others further.
   */
  PaceGrant reserve(PaceKey key, PaceRequest spacing) throws TimeoutException, InterruptedException {
    long deadline = clock.millis() + reserveTimeout.toMillis();
    Exception last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long left = deadline - clock.millis();
      if (left <= 0) {
        break;
      }
      try {
        return bounded(() -> client.newWorkflowStub(PaceLimiterWorkflow.class, key.workflowId()).reserve(spacing),
            Math.min(left, attemptTimeout()));
      } catch (TimeoutException unanswered) {
        log.debug("Pace limiter {}: a reservation went unanswered, asking again", key.workflowId());
        last = unanswered;
      } catch (RuntimeException notRunning) {
        // Not found, completed after an idle spell: start one (or find it started) and ask again.
        last = notRunning;
        try {
          bounded(() -> {
            start(key);
            return null;
          }, Math.max(1, deadline - clock.millis()));
        } catch (RuntimeException | TimeoutException startFailed) {
          last = startFailed;
        }
      }
    }
    if (last instanceof TimeoutException timeout) {
      throw timeout;
    }
    throw last instanceof RuntimeException failure ? failure : new IllegalStateException("no answer", last);
  }

  /** A fifth of the whole reservation's bound, at least a second: a healthy limiter answers in milliseconds. */
  private long attemptTimeout() {
    return Math.max(1_000, reserveTimeout.toMillis() / 5);
  }

  private void start(PaceKey key) {
    PaceLimiterWorkflow stub = client.newWorkflowStub(PaceLimiterWorkflow.class, options(key));
    try {
      WorkflowClient.start(stub::run, fresh);
    } catch (WorkflowExecutionAlreadyStarted running) {
      // Another caller started it first: that one is ours too.
    }
  }

  private void signalWithStart(PaceKey key, long waitMillis, String reason) {
    WorkflowStub stub = client.newUntypedWorkflowStub("PaceLimiterWorkflow", options(key));
    stub.signalWithStart("pause", new Object[] {new PauseRequest(waitMillis, reason)}, new Object[] {fresh});
  }

  private WorkflowOptions options(PaceKey key) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(key.workflowId())
        .setTaskQueue(PaceLimiterWorkflow.TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .build();
  }

  /**
   * Whether a pause came in after {@code grant}: then the slot is given back for one after the pause. (Whether it still
   * holds is the limiter's to say, on its clock: the next reservation answers that.)
   */
  private boolean pausedSince(PaceKey key, PaceGrant grant) throws InterruptedException {
    try {
      PacerState state = bounded(() -> client.newWorkflowStub(PaceLimiterWorkflow.class, key.workflowId()).state(),
          attemptTimeout());
      return state.pauses() != grant.pauses();
    } catch (TimeoutException | RuntimeException unreachable) {
      return false;
    }
  }

  private <T> T bounded(java.util.concurrent.Callable<T> call, long timeoutMillis)
      throws TimeoutException, InterruptedException {
    CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
      try {
        return call.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, calls);
    try {
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RuntimeException r ? r : new IllegalStateException(failed.getCause());
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private void warn(PaceKey key, Exception cause) {
    long now = clock.millis();
    long last = lastWarning.get();
    if (now - last >= WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
      // The class name only: Temporal's messages are ours to read, but keep the line short and free of payloads.
      log.warn("Pace limiter {} did not answer in {} ({}); pacing this worker's calls alone until it does",
          key.workflowId(), reserveTimeout, cause.getClass().getSimpleName());
    }
  }
}
