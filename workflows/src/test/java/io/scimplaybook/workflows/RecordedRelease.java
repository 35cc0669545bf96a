package io.scimplaybook.workflows;

import java.util.List;
import java.util.Map;

/**
 * One released version of a workflow whose histories the replay test keeps: its label in file names, the
 * {@code Workflow.getVersion} change ids (and the version each returns) that mark it, and the scenarios recorded at it.
 *
 * @param version the label in the file names, e.g. {@code v2}
 * @param changeIds every change id the workflow's code asks {@code Workflow.getVersion} for at this version, with the
 *     version it records for a new run; a recording holding an id not listed, or at another version, is of a later
 *     release
 * @param scenarios the recorded scenarios, one file each
 */
public record RecordedRelease(String version, Map<String, Integer> changeIds, List<String> scenarios) {

  public RecordedRelease {
    changeIds = Map.copyOf(changeIds);
    scenarios = List.copyOf(scenarios);
  }
}
