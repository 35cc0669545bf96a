package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's guards: what {@link HistoryRecording#write} refuses to write, and that it writes what replays. */
class HistoryRecordingTest {
  private static final String TRANSIENT = "playbook-v4-transient.json";

  @TempDir Path folder;

  @Test
  void writesARecordingThatReplaysUnderItsReleasesName() throws Exception {
    Path file = HistoryRecording.write(folder, RecordedWorkflow.PLAYBOOK, "transient", recorded(TRANSIENT), Map.of());

    assertThat(file.getFileName()).hasToString(TRANSIENT);
    assertThat(HistoryFolder.workflowType(HistoryFolder.read(file))).isEqualTo("ScimPlaybookWorkflow");
  }

  @Test
  void refusesARunWhoseChangeIdsTheNewestReleaseDoesNotList() throws Exception {
    // story-comments-v1 at version 2 stands for a versioned change made after release v4 was recorded.
    WorkflowExecutionHistory later = edited(TRANSIENT, "\"data\": \"MQ\\u003d\\u003d\"", "\"data\": \"Mg\\u003d\\u003d\"");

    assertThatThrownBy(() -> HistoryRecording.write(folder, RecordedWorkflow.PLAYBOOK, "transient", later, Map.of()))
        .hasMessageContaining("does not list").hasMessageContaining("add a release after v4");
    assertThat(folder.resolve(TRANSIENT)).doesNotExist();
  }

  @Test
  void refusesToOverwriteARecordingThatNoLongerReplays() throws Exception {
    // An activity the code never schedules there: what a non-versioned change to the command sequence looks like.
    Files.writeString(folder.resolve(TRANSIENT), Files.readString(HistoryFolder.onClasspath().resolve(TRANSIENT))
        .replaceFirst("\"name\": \"DescribeSource\"", "\"name\": \"DescribeSourceBeforeTheChange\""));
    String before = Files.readString(folder.resolve(TRANSIENT));

    assertThatThrownBy(() -> HistoryRecording.write(folder, RecordedWorkflow.PLAYBOOK, "transient",
        recorded(TRANSIENT), Map.of()))
        .hasMessageContaining("no longer replays").hasMessageContaining("Workflow.getVersion");
    assertThat(Files.readString(folder.resolve(TRANSIENT))).isEqualTo(before);
  }

  @Test
  void refusesARecordingHoldingTheRunsSecretAndNamesItWithoutItsValue() throws Exception {
    WorkflowExecutionHistory history = recorded(TRANSIENT);
    String storyId = HistoryText.of(history).replaceAll("(?s).*\"storyId\":\"([0-9a-f]{24})\".*", "$1");

    assertThatThrownBy(() -> HistoryRecording.write(folder, RecordedWorkflow.PLAYBOOK, "transient", history,
        Map.of("a value the run held secret", storyId)))
        .hasMessageContaining("a value the run held secret").message().doesNotContain(storyId);
    assertThat(folder.resolve(TRANSIENT)).doesNotExist();
  }

  @Test
  void refusesAScenarioTheReleaseDoesNotList() {
    assertThatThrownBy(() -> HistoryRecording.write(folder, RecordedWorkflow.PLAYBOOK, "okta-persistent",
        recorded(TRANSIENT), Map.of())).hasMessageContaining("add it to RecordedWorkflow");
  }

  private static WorkflowExecutionHistory recorded(String name) {
    return HistoryFolder.read(HistoryFolder.onClasspath().resolve(name));
  }

  private static WorkflowExecutionHistory edited(String name, String from, String to) throws Exception {
    String json = Files.readString(HistoryFolder.onClasspath().resolve(name));
    assertThat(json).contains(from);
    return WorkflowExecutionHistory.fromJson(json.replace(from, to));
  }
}
