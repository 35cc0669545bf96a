package io.scimplaybook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.sandbox.Scenario;
import io.scimplaybook.workflows.RecordedWorkflow;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every sandbox scenario has a recorded history of the playbook's newest release, so a scenario added to the sandbox
 * is also replayed on every build once it is recorded ({@link ScenarioHistoryRecorder}).
 */
class RecordedScenariosTest {

  @Test
  void theNewestPlaybookReleaseRecordsEverySandboxScenario() {
    // The release may record more than the sandbox's scenarios (a flooded run, recorded by the recorder itself).
    assertThat(RecordedWorkflow.PLAYBOOK.current().scenarios())
        .contains(Arrays.stream(Scenario.values()).map(Scenario::wireName).toArray(String[]::new));
  }
}
