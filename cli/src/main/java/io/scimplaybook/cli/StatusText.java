package io.scimplaybook.cli;

import io.scimplaybook.api.status.FailureTally;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.StepRecord;
import io.scimplaybook.api.status.TimelineEntry;
import java.util.List;

/** The status an operator reads in a terminal: where the run is, what it found, and what they must do next. */
final class StatusText {

  static final int TIMELINE_LINES = 10;

  private StatusText() {}

  static String render(PlaybookStatus s, String runState) {
    return render(s, runState, null);
  }

  /** With {@code bundleLocation}, once the run has delivered its support bundle (as {@code report} shows it). */
  static String render(PlaybookStatus s, String runState, String bundleLocation) {
    StringBuilder out = new StringBuilder();
    out.append(s.workflowId()).append(" (").append(runState).append(")\n");
    line(out, "Step", s.step() + " (cycle " + s.cycle() + ")");
    line(out, "IdP", s.idp() == null ? "not known yet" : s.idp().displayName());
    if (s.outcome() != null) {
      line(out, "Outcome", s.outcome() + (s.rootCause() == null ? "" : ", root cause " + s.rootCause()));
    } else if (s.rootCause() != null) {
      line(out, "Root cause", String.valueOf(s.rootCause()));
    }
    line(out, "Failures", failures(s.failures()));
    if (bundleLocation != null) {
      line(out, "Bundle", bundleLocation);
    }

    OperatorTask task = s.pendingTask();
    out.append('\n');
    if (task == null) {
      out.append("Nothing is waiting for a person.\n");
    } else {
      out.append("Waiting for a person: ").append(task.title()).append('\n');
      out.append("  task ").append(task.id()).append(" (").append(task.kind()).append(')');
      if (task.openedAt() != null) {
        out.append(", opened ").append(task.openedAt());
      }
      if (task.dueAt() != null) {
        out.append(", due ").append(task.dueAt());
      }
      out.append('\n');
      if (task.instructions() != null && !task.instructions().isBlank()) {
        out.append('\n');
        task.instructions().lines().forEach(l -> out.append("  ").append(l).append('\n'));
      }
      if (task.commands() != null && !task.commands().isEmpty()) {
        out.append("\n  Commands:\n");
        task.commands().forEach(c -> out.append("    ").append(c).append('\n'));
      }
    }

    List<StepRecord> steps = s.steps() == null ? List.of() : s.steps();
    if (!steps.isEmpty()) {
      out.append("\nSteps:\n");
      for (StepRecord r : steps) {
        out.append("  cycle ").append(r.cycle()).append("  ").append(r.step()).append("  ").append(r.result());
        if (r.summary() != null) {
          out.append("  ").append(r.summary());
        }
        out.append('\n');
      }
    }

    List<TimelineEntry> timeline = s.timeline() == null ? List.of() : s.timeline();
    if (!timeline.isEmpty()) {
      int from = Math.max(0, timeline.size() - TIMELINE_LINES);
      out.append("\nRecent timeline");
      if (from > 0) {
        out.append(" (last ").append(TIMELINE_LINES).append(" of ").append(timeline.size()).append(')');
      }
      out.append(":\n");
      for (TimelineEntry t : timeline.subList(from, timeline.size())) {
        out.append("  ").append(t.time()).append("  ").append(t.text()).append('\n');
      }
    }
    return out.toString();
  }

  private static String failures(FailureTally f) {
    if (f == null || f.count() == 0) {
      return "none received";
    }
    StringBuilder text = new StringBuilder();
    text.append(f.count()).append(f.count() == 1 ? " event" : " events");
    text.append(", first ").append(f.firstSeen()).append(", last ").append(f.lastSeen());
    if (f.lastReason() != null) {
      text.append("; last reason: ").append(f.lastReason());
    }
    if (f.storyId() != null) {
      text.append("; XOps story ").append(f.storyId());
    }
    return text.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(String.format("%-11s", label + ":")).append(value).append('\n');
  }
}
