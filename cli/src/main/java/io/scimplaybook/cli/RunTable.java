package io.scimplaybook.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code list}'s text output: aligned columns, "-" for what a run has not set yet (an open run has no outcome). */
final class RunTable {
  private static final List<String> HEADINGS = List.of("WORKFLOW ID", "STATE", "STEP", "OUTCOME", "ROOT CAUSE", "IDP",
      "STARTED");
  private static final List<Function<RunRow, Object>> COLUMNS = List.of(RunRow::workflowId, RunRow::state,
      RunRow::step, RunRow::outcome, RunRow::rootCause, RunRow::idp, RunRow::startTime);

  private RunTable() {}

  static String render(List<RunRow> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADINGS);
    for (RunRow row : rows) {
      cells.add(COLUMNS.stream().map(c -> c.apply(row)).map(v -> v == null ? "-" : v.toString()).toList());
    }
    int[] widths = new int[HEADINGS.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        text.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", line.get(i)));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
