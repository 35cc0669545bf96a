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
    row(md, "Support bundle", r.bundleLocation() == null ? "none (not escalated)" : r.bundleLocation());
    row(md, "Started", String.valueOf(r.startedAt()));
    row(md, "Ended", String.valueOf(r.endedAt()));
    SupportFacts f = r.support();
    if (f != null) {
      row(md, "Entra service principal", f.servicePrincipalId());
      row(md, "Entra synchronization job", f.jobId());
      row(md, "SCIM tenant URL", f.scimUrl());
      row(md, "Cato event ids", f.catoEventIds() == null ? "" : String.join(", ", f.catoEventIds()));
      row(md, "Job state", f.jobState());
    }
    md.append('\n').append("## Conclusion\n\n").append(r.conclusion()).append('\n');
    if (r.cycleCauses() != null && !r.cycleCauses().isEmpty()) {
      md.append('\n').append("## Cycles\n\n| cycle | failure | cause | fix | fixed at |\n|---|---|---|---|---|\n");
      for (CycleCause c : r.cycleCauses()) {
        md.append("| ").append(c.cycle()).append(" | ").append(cell(c.failureAt() + " " + c.failureReason()))
            .append(" | ").append(c.cause()).append(" | ").append(cell(c.fix())).append(" | ")
            .append(c.fixedAt() == null ? "not fixed" : c.fixedAt()).append(" |\n");
      }
    }
    if (r.outcome() == Outcome.ESCALATED) {
      md.append('\n').append("## What we ask support\n\n");
      md.append("- Why does the SCIM endpoint refuse or fail the scheduled sync of source ").append(r.sourceId())
          .append(" (account ").append(r.accountId()).append(") after the steps below?\n");
      if (f != null && f.lastRequest() != null) {
        md.append("- The last failing request: `").append(f.lastRequest()).append("`; the answer: ")
            .append(f.lastAnswer()).append('\n');
      }
      md.append("- Please check Cato's SCIM service logs for this account and source around the last failure (")
          .append(r.failures() == null ? "unknown" : r.failures().lastSeen()).append(").\n");
    }
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

  private static String cell(String value) {
    return value == null ? "" : value.replace("|", "\\|").replace("\n", " ");
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value == null ? "" : value.replace("|", "\\|").replace("\n", " "))
        .append(" |\n");
  }
}
