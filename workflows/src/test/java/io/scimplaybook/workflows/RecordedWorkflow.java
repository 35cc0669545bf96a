package io.scimplaybook.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which histories {@code workflows/src/test/resources/histories/} must hold, per workflow type: every file of every
 * release listed here is replayed by {@link ReleasedHistoriesReplayTest}, and a missing one fails it.
 *
 * <p>After a deliberate change to a workflow's command sequence (behind a new {@code Workflow.getVersion} change id),
 * add a release at the end of its list naming the new change ids, and record again (README, "Recorded histories"): the
 * earlier release's files stay, as released histories, and the new ones are added beside them. The recorder refuses to
 * record a run whose change ids are not the newest release's, so released files are never overwritten by another
 * version's run.
 */
public enum RecordedWorkflow {
  PLAYBOOK("playbook", "ScimPlaybookWorkflow", ScimPlaybookWorkflowImpl.class,
      // Recorded with fake activities by HistoryRecorder (the first two before the recorder existed); kept under their
      // names. v3 has notify-v1: the task's notification, the escalation notice and the wait for it.
      List.of("v1-config-change-then-rotation.json", "v2-recovery-proof-quarantine-restart.json",
          "v3-notified-rotation-rejected-escalation.json"),
      List.of(new RecordedRelease("v2",
          Map.of("job-restart-v1", 1, "recovery-proof-v1", 1, "story-comments-v1", 1),
          // The sandbox's scenarios (sandbox Scenario), each played end to end with the real activities.
          List.of("token-mismatch", "config-change", "transient", "persistent", "scheduled-still-fails",
              "reopened-story", "two-cycles")),
          // notify-v1 (notifications) and continue-as-new-v1 (bounded history under a flood); the last two are one
          // flooded playbook: the run that continued as new while its approval waited, and the run that took over.
          new RecordedRelease("v3",
              Map.of("job-restart-v1", 1, "recovery-proof-v1", 1, "story-comments-v1", 1, "notify-v1", 1,
                  "continue-as-new-v1", 1),
              List.of("token-mismatch", "config-change", "transient", "persistent", "scheduled-still-fails",
                  "reopened-story", "two-cycles", "flood-continued-as-new", "flood-resumed-then-resolved")),
          // idp-port-v1 (capabilities from the source's profile, operators' claims checked) and fleet-hold-v1 (a run
          // holds while its failure is part of a suspected provider incident); recorded beside the Entra runs: one run
          // per other IdP, whose manual steps an operator answers through the sandbox's console stand-ins.
          new RecordedRelease("v4",
              Map.of("job-restart-v1", 1, "recovery-proof-v1", 1, "story-comments-v1", 1, "notify-v1", 1,
                  "continue-as-new-v1", 1, "idp-port-v1", 1, "fleet-hold-v1", 1),
              List.of("token-mismatch", "config-change", "transient", "persistent", "scheduled-still-fails",
                  "reopened-story", "two-cycles", "flood-continued-as-new", "flood-resumed-then-resolved",
                  "okta-token-mismatch", "onelogin-config-change", "custom-token-mismatch")))),
  POLLER("poller", "EventsFeedPollerWorkflow", EventsFeedPollerWorkflowImpl.class, List.of(),
      List.of(new RecordedRelease("v1", Map.of(),
          // The first run ends in continue-as-new, the second picks the marker up and is stopped.
          List.of("feed-delivered-then-continued-as-new", "continued-then-stopped")))),
  ROUTER("router", "EventRouterWorkflow", EventRouterWorkflowImpl.class, List.of(),
      List.of(new RecordedRelease("v1", Map.of(),
          // The first run routes a batch and continues as new holding the next event, the second routes it and idles out.
          List.of("routed-then-continued-as-new", "carried-over-then-idle"))));

  private final String prefix;
  private final String type;
  private final Class<?> implementation;
  private final List<String> handRecorded;
  private final List<RecordedRelease> releases;

  RecordedWorkflow(String prefix, String type, Class<?> implementation, List<String> handRecorded,
      List<RecordedRelease> releases) {
    this.prefix = prefix;
    this.type = type;
    this.implementation = implementation;
    this.handRecorded = handRecorded;
    this.releases = releases;
  }

  /** The workflow type as Temporal names it (the interface's simple name). */
  public String type() {
    return type;
  }

  public Class<?> implementation() {
    return implementation;
  }

  /** Oldest first. */
  public List<RecordedRelease> releases() {
    return releases;
  }

  /** The release new recordings belong to: the last one listed. */
  public RecordedRelease current() {
    return releases.get(releases.size() - 1);
  }

  /** {@code playbook-v2-token-mismatch.json}: the workflow, its release and the scenario. */
  public String fileName(RecordedRelease release, String scenario) {
    return prefix + "-" + release.version() + "-" + scenario + ".json";
  }

  /** Every file this workflow's releases must have in the folder. */
  public List<String> expectedFiles() {
    List<String> files = new ArrayList<>(handRecorded);
    for (RecordedRelease release : releases) {
      release.scenarios().forEach(s -> files.add(fileName(release, s)));
    }
    return files;
  }

  public static RecordedWorkflow ofType(String type) {
    for (RecordedWorkflow w : values()) {
      if (w.type.equals(type)) {
        return w;
      }
    }
    throw new IllegalArgumentException("no replay is set up for workflow type '" + type + "'; add it to RecordedWorkflow");
  }
}
