package io.scimplaybook.bench;

import java.util.List;
import java.util.Map;

/** The result as Markdown: the headline table first, then each section as it is in result.json. */
final class FleetReport {
  private FleetReport() {}

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r) {
    Map<String, Object> setup = (Map<String, Object>) r.get("setup");
    Map<String, Object> d = (Map<String, Object>) r.get("diagnosis");
    Map<String, Object> over = (Map<String, Object>) r.get("over_limit_answers");
    Map<String, Object> tasks = (Map<String, Object>) r.get("operator_tasks");
    Map<String, Object> outcomes = (Map<String, Object>) r.get("outcomes");
    Map<String, Object> worker = (Map<String, Object>) r.get("worker");
    Map<String, Object> features = (Map<String, Object>) r.get("fleet_features");
    Map<String, Object> tm = (Map<String, Object>) outcomes.get("TOKEN_MISMATCH");
    Map<String, Object> cc = (Map<String, Object>) outcomes.get("CONFIG_CHANGE");
    Map<String, Object> s2s = (Map<String, Object>) worker.get("workflow_task_schedule_to_start_from_history");
    Map<String, Object> exec = (Map<String, Object>) worker.get("workflow_task_execution_from_history");
    StringBuilder md = new StringBuilder();
    md.append("## Fleet benchmark: ").append(setup.get("accounts")).append(" accounts x ")
        .append(setup.get("sources_per_account")).append(" sources, ").append(setup.get("failing"))
        .append(" failing ").append(setup.get("failing_by_cause")).append("\n\n");
    md.append("| measure | value |\n|---|---|\n");
    row(md, "every run diagnosed after (s, from the first event)", d.get("all_diagnosed_after_s") == null
        ? "never: " + d.get("not_diagnosed") + " of " + d.get("runs") + " runs without a diagnosis (below)"
        : d.get("all_diagnosed_after_s"));
    row(md, "last diagnosis of the runs that had one (s)", d.get("last_diagnosis_s"));
    row(md, "lower bound from the rate limits (s)", d.get("lower_bound_s"));
    row(md, "ratio to the bound (target 1.2)", d.get("ratio_to_lower_bound") == null
        ? "n/a (not every run was diagnosed)" : d.get("ratio_to_lower_bound"));
    row(md, "diagnosis median / p95 (s)", d.get("median_s") + " / " + d.get("p95_s"));
    row(md, "over-limit answers (429 / rate-limit errors)", over.get("total"));
    row(md, "operator tasks opened by incident runs during the incident",
        tasks.get("opened_by_incident_runs_during_incident") + " (" + tasks.get("incident_runs_that_asked_a_person")
            + " runs)");
    row(md, "token mismatches resolved", tm.get("resolved_with_that_cause") + " of " + tm.get("runs"));
    row(md, "config changes resolved", cc.get("resolved_with_that_cause") + " of " + cc.get("runs"));
    row(md, "shared cause reported as one incident", features.get("shared_cause_reported_as_one_incident"));
    row(md, "heap, peak used after GC (MiB, whole JVM, -Xmx " + setup.get("max_heap_mib") + " MiB)",
        worker.get("heap_peak_used_after_gc_mib"));
    row(md, "workflow task schedule-to-start p50 / p95 / max (ms)",
        s2s.get("p50_ms") + " / " + s2s.get("p95_ms") + " / " + s2s.get("max_ms") + " (" + s2s.get("count") + ")");
    row(md, "workflow task execution p50 / p95 / max (ms)",
        exec.get("p50_ms") + " / " + exec.get("p95_ms") + " / " + exec.get("max_ms"));
    row(md, "wall time of the benchmark (s)", setup.get("wall_s") + (Boolean.TRUE.equals(
        setup.get("finished_before_timeout")) ? "" : " (stopped at its timeout)"));
    Map<String, Object> gaveUp = (Map<String, Object>) d.get("ended_without_diagnosis");
    if (!gaveUp.isEmpty()) {
      md.append("\n### Runs that ended without a diagnosis\n\n| runs | outcome: conclusion |\n|---|---|\n");
      gaveUp.forEach((why, n) -> md.append("| ").append(n).append(" | ").append(why.replace("|", "\\|"))
          .append(" |\n"));
    }
    md.append("\n### Lower bound terms\n\n| limit | calls | per window | window (s) | bound (s) |\n|---|---|---|---|---|\n");
    for (Map<String, Object> t : (List<Map<String, Object>>) d.get("lower_bound_terms")) {
      md.append("| ").append(t.get("limit")).append(" | ").append(t.get("calls")).append(" | ")
          .append(t.get("per_window")).append(" | ").append(t.get("window_s")).append(" | ")
          .append(t.get("bound_s")).append(" |\n");
    }
    md.append("| last event's arrival | | | | ").append(d.get("last_event_arrival_s")).append(" |\n");
    md.append("\n### Over-limit answers by limit\n\n| limit | admitted | over limit | keys over limit |\n|---|---|---|---|\n");
    for (Map.Entry<String, Object> e : over.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> m) {
        md.append("| ").append(e.getKey()).append(" | ").append(m.get("admitted")).append(" | ")
            .append(m.get("over_limit")).append(" | ").append(m.get("keys_over_limit")).append(" |\n");
      }
    }
    md.append("\n### Everything else\n\n");
    for (String section : List.of("setup", "diagnosis", "operator_tasks", "outcomes", "worker", "fleet_features",
        "harness")) {
      md.append("- **").append(section).append("**: ").append(r.get(section)).append("\n");
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, Object value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }
}
