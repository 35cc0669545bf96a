package io.scimplaybook.api.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a run's report as the Markdown a support engineer reads first. Pure: used by the worker and the CLI.
 *
 * <p>A vendor's long message (a failure reason, the IdP's answer) appears once, where it is first shown; later
 * mentions say {@value #SEE_ABOVE}, so that a bundle with many cycles and steps stays readable.
 */
public final class ReportMarkdown {
  /** A message at least this long is written out once only. */
  static final int LONG_MESSAGE = 80;
  static final String SEE_ABOVE = "(see above)";

  private final List<String> longMessages;
  private final Set<String> shown = new HashSet<>();

  private ReportMarkdown(PlaybookReport r) {
    this.longMessages = longMessages(r);
  }

  public static String render(PlaybookReport r) {
    return new ReportMarkdown(r).markdown(r);
  }

  private String markdown(PlaybookReport r) {
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
      row(md, "Entra tenant", f.entraTenantId());
      row(md, "Entra service principal", f.servicePrincipalId());
      row(md, "Entra synchronization job", f.jobId());
      row(md, "SCIM tenant URL", f.scimUrl());
      row(md, "Cato event ids", f.catoEventIds() == null ? "" : String.join(", ", f.catoEventIds()));
      row(md, "Provisioning log ids", f.provisioningLogIds() == null ? "" : String.join(", ", f.provisioningLogIds()));
      row(md, "Job state", f.jobState());
    }
    md.append('\n').append("## Conclusion\n\n").append(once(r.conclusion())).append('\n');
    if (r.cycleCauses() != null && !r.cycleCauses().isEmpty()) {
      md.append('\n').append("## Cycles\n\n| cycle | failure | cause | fix | fixed at |\n|---|---|---|---|---|\n");
      for (CycleCause c : r.cycleCauses()) {
        md.append("| ").append(c.cycle()).append(" | ").append(cell(once(c.failureAt() + " " + c.failureReason())))
            .append(" | ").append(c.cause()).append(" | ").append(cell(once(c.fix()))).append(" | ")
            .append(c.fixedAt() == null ? "not fixed" : c.fixedAt()).append(" |\n");
      }
    }
    if (r.outcome() == Outcome.ESCALATED) {
      md.append('\n').append("## What we ask support\n\n");
      md.append("- Why does the SCIM endpoint refuse or fail the scheduled sync of source ").append(r.sourceId())
          .append(" (account ").append(r.accountId()).append(") after the steps below?\n");
      if (f != null && f.lastRequest() != null) {
        md.append("- The last failing request: `").append(f.lastRequest()).append("`; the answer: ")
            .append(once(f.lastAnswer())).append('\n');
      }
      md.append("- Please check Cato's SCIM service logs for this account and source around the last failure (")
          .append(r.failures() == null ? "unknown" : r.failures().lastSeen()).append(").\n");
    }
    md.append('\n').append("## Steps\n");
    for (StepRecord s : r.steps()) {
      md.append('\n').append("### Cycle ").append(s.cycle()).append(" · ").append(s.step()).append(" · ")
          .append(s.result()).append('\n').append('\n');
      md.append(once(s.summary())).append(" (").append(s.startedAt()).append(" → ").append(s.endedAt()).append(")\n");
      if (!s.evidence().isEmpty()) {
        md.append('\n');
        for (String e : s.evidence()) {
          md.append("- ").append(once(e)).append('\n');
        }
      }
    }
    if (r.timeline() != null && !r.timeline().isEmpty()) {
      md.append('\n').append("## Timeline\n\n");
      for (TimelineEntry t : r.timeline()) {
        md.append("- ").append(t.time()).append(" ").append(once(t.text())).append('\n');
      }
    }
    return md.toString();
  }

  /**
   * The text with every long vendor message it holds written out the first time only; the longest first, so that an
   * answer quoting a reason already shown keeps its own words and refers back for the reason.
   */
  private String once(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String m : longMessages) {
      if (out.contains(m) && !shown.add(m)) {
        out = out.replace(m, SEE_ABOVE);
      }
    }
    return out;
  }

  /** The vendors' words in the report: failure reasons, the IdP's last answer, reasons quoted in evidence. */
  private static List<String> longMessages(PlaybookReport r) {
    Set<String> found = new LinkedHashSet<>();
    if (r.failures() != null) {
      found.add(r.failures().lastReason());
    }
    if (r.cycleCauses() != null) {
      r.cycleCauses().forEach(c -> found.add(c.failureReason()));
    }
    if (r.support() != null) {
      found.add(r.support().lastAnswer());
    }
    for (StepRecord s : r.steps() == null ? List.<StepRecord>of() : r.steps()) {
      for (String e : s.evidence()) {
        if (e.startsWith("Reason: ")) {
          found.add(e.substring("Reason: ".length()));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String m : found) {
      if (m != null && m.length() >= LONG_MESSAGE) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparingInt(String::length).reversed());
    return out;
  }

  private static String cell(String value) {
    return value == null ? "" : value.replace("|", "\\|").replace("\n", " ");
  }

  private void row(StringBuilder md, String key, String value) {
    String shownValue = once(value);
    md.append("| ").append(key).append(" | ")
        .append(shownValue == null ? "" : shownValue.replace("|", "\\|").replace("\n", " "))
        .append(" |\n");
  }
}
