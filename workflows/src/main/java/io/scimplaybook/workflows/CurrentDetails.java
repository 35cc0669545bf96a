package io.scimplaybook.workflows;

import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.TimelineEntry;
import java.util.List;

/** The Markdown the Temporal UI shows as the run's current details: the step, the evidence, what a person must do. */
final class CurrentDetails {
  private static final int RECENT_STEPS = 6;
  private static final int LATEST_EVIDENCE = 8;

  private CurrentDetails() {}

  static String render(PlaybookStatus s, SourceProfile profile) {
    StringBuilder md = new StringBuilder();
    md.append("**Step:** ").append(s.step());
    if (s.cycle() > 0) {
      md.append(" · cycle ").append(s.cycle());
    }
    if (s.outcome() != null) {
      md.append(" · **").append(s.outcome()).append("**");
      if (s.rootCause() != null) {
        md.append(" (").append(s.rootCause()).append(')');
      }
    }
    md.append("\n\n");
    if (profile != null) {
      md.append("Source ").append(profile.displayName()).append(" · ").append(profile.idp().displayName()).append('\n');
    }
    md.append("Failure events: ").append(s.failures().count());
    if (s.failures().lastReason() != null) {
      md.append(" · last reason: ").append(s.failures().lastReason());
    }
    md.append('\n');
    List<TimelineEntry> timeline = s.timeline();
    if (!timeline.isEmpty()) {
      // The latest entry says what just happened (an approval arrived, a reminder went out) before the step changes.
      md.append("Latest: ").append(timeline.get(timeline.size() - 1).text()).append('\n');
    }
    if (s.step() == Step.FLEET_HOLD) {
      // The reason nobody is being asked anything: stays on screen whatever else the timeline notes meanwhile.
      for (int i = timeline.size() - 1; i >= 0; i--) {
        if (timeline.get(i).text().startsWith(FleetHold.HELD)) {
          md.append("\n### ").append(timeline.get(i).text()).append('\n');
          break;
        }
      }
    }
    OperatorTask task = s.pendingTask();
    if (task != null) {
      md.append("\n### Action needed: ").append(task.title()).append("\n\n").append(task.instructions()).append("\n\n");
      for (String command : task.commands()) {
        md.append("    ").append(command).append('\n');
      }
      md.append("\nDue by ").append(task.dueAt()).append('\n');
    }
    List<StepRecord> steps = s.steps();
    if (!steps.isEmpty()) {
      md.append("\n### Evidence so far\n");
      for (StepRecord r : steps.subList(Math.max(0, steps.size() - RECENT_STEPS), steps.size())) {
        md.append("- ").append(r.step()).append(' ').append(r.result()).append(": ").append(r.summary()).append('\n');
      }
      // The newest step's own findings, so the UI shows why the run went where it is without opening the history.
      List<String> latest = steps.get(steps.size() - 1).evidence();
      for (String line : latest.subList(0, Math.min(latest.size(), LATEST_EVIDENCE))) {
        md.append("  - ").append(line).append('\n');
      }
    }
    return md.toString();
  }
}
