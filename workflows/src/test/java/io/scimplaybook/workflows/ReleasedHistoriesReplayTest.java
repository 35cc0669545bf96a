package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Histories recorded from released versions of the workflows must replay on the current code: a change to the command
 * sequence that is not behind Workflow.getVersion fails here with a non-determinism error.
 *
 * <p>Every file in {@code histories/} is replayed on the implementation of the workflow type it records, and the folder
 * must hold every recording {@link RecordedWorkflow} lists, so a deleted recording fails the build too. The recordings
 * of the sandbox scenarios, the poller and the router are made by {@code ScenarioHistoryRecorder} in the worker module
 * (README, "Recorded histories", has the command); the three oldest by {@link HistoryRecorder}.
 */
class ReleasedHistoriesReplayTest {
  private static TestWorkflowEnvironment env;
  /** Every recorded workflow type's implementation, on one worker: one test server for all the replays. */
  private static Worker worker;

  @BeforeAll
  static void startWorker() {
    env = TestWorkflowEnvironment.newInstance();
    // The default 1 s deadlock detection measures the machine as much as the code: the build machine is shared.
    worker = env.newWorker("replay", WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(10_000).build());
    for (RecordedWorkflow workflow : RecordedWorkflow.values()) {
      worker.registerWorkflowImplementationTypes(workflow.implementation());
    }
  }

  @AfterAll
  static void stopWorker() {
    env.close();
  }

  /** File names, so a report names the recording that failed. */
  static Stream<String> recordings() {
    return HistoryFolder.files(HistoryFolder.onClasspath()).stream().map(f -> f.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void replaysOnTheCurrentCode(String file) throws Exception {
    WorkflowExecutionHistory history = HistoryFolder.read(HistoryFolder.onClasspath().resolve(file));
    RecordedWorkflow.ofType(HistoryFolder.workflowType(history)); // fails naming a type nobody set up for replay
    WorkflowReplayer.replayWorkflowExecution(history, worker);
  }

  @Test
  void theFolderHoldsEveryRecordingOfEveryRelease() {
    List<String> present = recordings().toList();
    List<String> expected = Arrays.stream(RecordedWorkflow.values())
        .flatMap(w -> w.expectedFiles().stream()).toList();

    assertThat(present).as("recorded histories in workflows/src/test/resources/histories").containsAll(expected);
  }

  @Test
  void eachRecordingIsOfTheWorkflowAndReleaseItsNameSays() {
    for (RecordedWorkflow workflow : RecordedWorkflow.values()) {
      for (String name : workflow.expectedFiles()) {
        WorkflowExecutionHistory history = HistoryFolder.read(HistoryFolder.onClasspath().resolve(name));
        assertThat(HistoryFolder.workflowType(history)).as(name).isEqualTo(workflow.type());
      }
      for (RecordedRelease release : workflow.releases()) {
        for (String scenario : release.scenarios()) {
          String name = workflow.fileName(release, scenario);
          assertThat(VersionMarkers.of(HistoryFolder.read(HistoryFolder.onClasspath().resolve(name))))
              .as("the Workflow.getVersion markers of " + name)
              .allSatisfy((changeId, version) -> assertThat(release.changeIds()).containsEntry(changeId, version));
        }
      }
    }
  }
}
