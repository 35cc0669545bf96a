package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.workflows.EventRouterWorkflowImpl;
import io.scimplaybook.workflows.EventsFeedPollerWorkflowImpl;
import io.scimplaybook.workflows.ScimPlaybookWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;

/** The cold-start warm-up replays the bundled history on the worker, before it polls; the figures are in docs/. */
class WorkflowWarmUpTest {
  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  private Worker playbookWorker() {
    Worker worker = env.newWorker(PlaybookIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        ScimPlaybookWorkflowImpl.class, EventsFeedPollerWorkflowImpl.class, EventRouterWorkflowImpl.class);
    return worker;
  }

  @Test
  void theBundledHistoryReplaysOnTheWorkerBeforeItPolls() {
    playbookWorker();
    WorkflowWarmUp warmUp = new WorkflowWarmUp(env.getWorkerFactory());

    warmUp.run(null);

    assertThat(warmUp.result().problem()).isNull();
    assertThat(warmUp.result().replayed()).isTrue();
    assertThat(warmUp.result().beforePolling()).isTrue();
  }

  @Test
  void itIsAnApplicationRunnerSoSpringRunsItBeforeTheReadyEventThatStartsTheWorkers() {
    // temporal-spring-boot starts the WorkerFactory on ApplicationReadyEvent; Spring calls runners before that event.
    assertThat(ApplicationRunner.class).isAssignableFrom(WorkflowWarmUp.class);
  }

  @Test
  void aWorkerAlreadyPollingIsReportedAsSuch() {
    playbookWorker();
    env.start();

    assertThat(new WorkflowWarmUp(env.getWorkerFactory()).warmUp().beforePolling()).isFalse();
  }

  @Test
  void withoutThePlaybookWorkerTheWarmUpSaysSoAndDoesNotThrow() {
    WorkflowWarmUp.Result result = new WorkflowWarmUp(env.getWorkerFactory()).warmUp();

    assertThat(result.replayed()).isFalse();
    assertThat(result.problem()).contains("no worker on task queue scim-playbook");
  }
}
