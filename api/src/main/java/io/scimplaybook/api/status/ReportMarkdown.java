package io.scimplaybook.api.status;


/** Renders a run's report as the Markdown a support engineer reads first. Pure: used by the worker and the CLI. */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  public static String render(PlaybookReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# SCIM provisioning playbook: ").append(r.outcome()).append('\n').append('\n');
    md.append("| | |\n|---|---|\n");
    row(md, "Workflow", r.workflowId());
    row(md, "Cato account", r.accountId());
    row(md, "SCIM source", r.sourceId());
    row(md, "Identity provider", r.idp() == null ? "unknown" : r.idp().displayName());
    row(md, "Outcome", String.valueOf(r.outcome()));
    row(md, "Root cause", String.valueOf(r.rootCause()));
    row(md, "Cycles", String.valueOf(r.cycles()));
    if (r.failures() != null) {
      row(md, "Failure events", r.failures().count() + " (first " + r.failures().firstSeen() + ", last "
          + r.failures().lastSeen() + ")");
      row(md, "Last failure reason", r.failures().lastReason());
      row(md, "XOps story", r.failures().storyId());
    }
    row(md, "Started", String.valueOf(r.startedAt()));
    row(md, "Ended", String.valueOf(r.endedAt()));
    md.append('\n').append("## Conclusion\n\n").append(r.conclusion()).append('\n');
    md.append('\n').append("## Steps\n");
    for (StepRecord s : r.steps()) {
      md.append('\n').append("### Cycle ").append(s.cycle()).append(" · ").append(s.step()).append(" · ")
          .append(s.result()).append('\n').append('\n');
      md.append(s.summary()).append(" (").append(s.startedAt()).append(" → ").append(s.endedAt()).append(")\n");
      if (!s.evidence().isEmpty()) {
        md.append('\n');
        for (String e : s.evidence()) {
          md.append("- ").append(e).append('\n');
        }
      }
    }
    if (r.timeline() != null && !r.timeline().isEmpty()) {
      md.append('\n').append("## Timeline\n\n");
      for (TimelineEntry t : r.timeline()) {
        md.append("- ").append(t.time()).append(" ").append(t.text()).append('\n');
      }
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value == null ? "" : value.replace("|", "\\|").replace("\n", " "))
        .append(" |\n");
  }
}
