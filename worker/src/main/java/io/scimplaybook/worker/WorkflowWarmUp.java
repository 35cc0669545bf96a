package io.scimplaybook.worker;

import io.scimplaybook.api.PlaybookIds;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Replays a bundled recorded history of the playbook on the worker itself before it polls. The first workflow task of
 * a fresh worker used to load the workflow classes, the SDK's state machines and Jackson's serializers for every
 * payload inside the deadlock detector's one second, and on a loaded 2-core machine it logged
 * PotentialDeadlockException before it recovered (docs/cold-start.md has the figures). The replay loads the same
 * classes through the same worker (its implementation factory and data converter), outside any task.
 *
 * <p>An ApplicationRunner: Spring calls runners before ApplicationReadyEvent, on which temporal-spring-boot starts the
 * worker factory, so the replay finishes before the first poll. The history is the released one the replay test keeps
 * green ({@code workflows/src/test/resources/histories/v2-recovery-proof-quarantine-restart.json}); a replay that
 * fails only costs the warm-up and is logged, it never stops the worker.
 */
@Component
public class WorkflowWarmUp implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(WorkflowWarmUp.class);

  static final String HISTORY = "/warm-up/v2-recovery-proof-quarantine-restart.json";

  /**
   * @param replayed the replay went through the whole history
   * @param beforePolling the worker factory had not started when the replay began
   */
  public record Result(boolean replayed, boolean beforePolling, long millis, String problem) {}

  private final WorkerFactory factory;
  private volatile Result result;

  public WorkflowWarmUp(WorkerFactory factory) {
    this.factory = factory;
  }

  @Override
  public void run(ApplicationArguments args) {
    warmUp();
  }

  /** Replays the bundled history on the playbook's worker; never throws. */
  public Result warmUp() {
    boolean beforePolling = !factory.isStarted();
    long started = System.nanoTime();
    String problem = null;
    Worker worker = null;
    try {
      worker = factory.getWorker(PlaybookIds.TASK_QUEUE);
    } catch (IllegalArgumentException e) {
      // The factory names no such worker: the configuration has none for the playbook's queue.
    }
    if (worker == null) {
      problem = "no worker on task queue " + PlaybookIds.TASK_QUEUE;
    } else {
      try {
        worker.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(bundledHistory()));
      } catch (Exception | LinkageError e) {
        // A warm-up is an optimisation: a class missing from the jar must not stop the worker polling.
        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    result = new Result(problem == null, beforePolling, millis, problem);
    if (problem == null) {
      log.info("workflow warm-up: replayed the bundled playbook history in {} ms{}", millis,
          beforePolling ? " before polling" : " (the worker was already polling)");
    } else {
      log.warn("workflow warm-up did not complete in {} ms ({}); the first workflow task loads the classes instead",
          millis, problem);
    }
    return result;
  }

  /** What the last warm-up did, or null before it ran. */
  public Result result() {
    return result;
  }

  static String bundledHistory() throws IOException {
    try (InputStream in = WorkflowWarmUp.class.getResourceAsStream(HISTORY)) {
      if (in == null) {
        throw new IOException(HISTORY + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
