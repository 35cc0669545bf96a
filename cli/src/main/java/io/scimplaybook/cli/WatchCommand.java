package io.scimplaybook.cli;

import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.status.OperatorTask;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.PlaybookStatus;
import io.scimplaybook.api.status.TimelineEntry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowStub;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code watch}: one process follows a run live. It asks the run's status query about once a second and prints what
 * changed (the step, each new timeline entry, a task opening or closing) until the run ends, then prints the outcome
 * from the run's report and exits
 * with the outcome's code ({@link ExitCodes#ESCALATED}, {@link ExitCodes#NOT_REPRODUCED}, ...), so a script can wait
 * for a run with one JVM instead of starting two every few seconds.
 */
final class WatchCommand implements CliCommand {

  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  /** Printed before a task's title; the demo wrapper reacts to it (with the task's kind in the same line). */
  static final String ACTION_NEEDED = "Action needed: ";

  @Override
  public Set<String> valueOptions() {
    Set<String> options = new HashSet<>(WorkflowTarget.OPTIONS);
    options.add("interval");
    return options;
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String workflowId = WorkflowTarget.resolve(args);
    Duration interval = args.optional("interval").map(WatchCommand::interval).orElse(DEFAULT_INTERVAL);
    return (client, out, err) -> {
      WorkflowStub run = client.newUntypedWorkflowStub(workflowId);
      ScimPlaybookWorkflow playbook = client.newWorkflowStub(ScimPlaybookWorkflow.class, workflowId);
      WorkflowExecutionStatus state = run.describe().getStatus();  // not found: exit 4 before anything is printed
      out.println("Watching " + workflowId + " (" + RunState.name(state) + "); Ctrl-C stops watching, not the run.");
      Changes changes = new Changes(out);
      boolean queryFailed = false;
      while (true) {
        try {
          changes.show(playbook.status());
          queryFailed = false;
        } catch (RuntimeException e) {
          if (state == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING && !queryFailed) {
            err.println("(no answer to the status query yet: is the playbook worker running? still watching)");
          }
          queryFailed = true;
        }
        if (state != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
          return ended(run, state, out, err, workflowId);
        }
        sleep(interval);
        state = run.describe().getStatus();
      }
    };
  }

  private static int ended(WorkflowStub run, WorkflowExecutionStatus state, PrintStream out, PrintStream err,
      String workflowId) {
    if (state != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      err.println(workflowId + " ended " + RunState.name(state) + " without a report");
      return ExitCodes.ENDED_WITHOUT_REPORT;
    }
    PlaybookReport report = run.getResult(PlaybookReport.class);
    out.println("Outcome: " + report.outcome() + (report.rootCause() == null ? "" : " (" + report.rootCause() + ")")
        + (report.conclusion() == null ? "" : ": " + report.conclusion()));
    out.println("The report: ./scim-playbook report --workflow-id " + workflowId);
    return exitCode(report.outcome());
  }

  /** The exit code of a run that ended with a report; README's exit-code table lists them. */
  static int exitCode(Outcome outcome) {
    if (outcome == null) {
      return ExitCodes.ENDED_WITHOUT_REPORT;
    }
    return switch (outcome) {
      case RESOLVED -> ExitCodes.OK;
      case ESCALATED -> ExitCodes.ESCALATED;
      case NOT_REPRODUCED -> ExitCodes.NOT_REPRODUCED;
    };
  }

  /** What has been printed so far, so that each poll prints only what changed. */
  static final class Changes {
    private final PrintStream out;
    private final Set<TimelineEntry> printed = new HashSet<>();
    private String step;
    private String taskId;
    private String taskTitle;

    Changes(PrintStream out) {
      this.out = out;
    }

    void show(PlaybookStatus s) {
      String where = s.step() + " (cycle " + s.cycle() + ")";
      if (!where.equals(step)) {
        out.println("Step " + where + (s.idp() == null ? "" : " · " + s.idp().displayName()));
        step = where;
      }
      List<TimelineEntry> timeline = s.timeline() == null ? List.of() : s.timeline();
      for (TimelineEntry entry : timeline) {
        if (printed.add(entry)) {
          out.println("  " + entry.time().truncatedTo(ChronoUnit.SECONDS) + "  " + entry.text());
        }
      }
      OperatorTask task = s.pendingTask();
      String id = task == null ? null : task.id();
      if (!Objects.equals(id, taskId)) {
        if (taskId != null) {
          out.println("Task " + taskId + " (" + taskTitle + ") is no longer pending.");
        }
        if (task != null) {
          printTask(task);
        }
        taskId = id;
        taskTitle = task == null ? null : task.title();
      }
      out.flush();
    }

    private void printTask(OperatorTask task) {
      out.println(ACTION_NEEDED + task.title() + " (task " + task.id() + ", " + task.kind()
          + (task.dueAt() == null ? "" : ", due " + task.dueAt()) + ")");
      if (task.instructions() != null && !task.instructions().isBlank()) {
        task.instructions().lines().forEach(l -> out.println("  " + l));
      }
      if (task.commands() != null) {
        task.commands().forEach(c -> out.println("    " + c));
      }
    }
  }

  private static Duration interval(String value) {
    Duration d;
    try {
      d = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw CliExit.usage("--interval must be an ISO-8601 duration such as PT1S, got '" + value + "'");
    }
    if (d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofMinutes(10)) > 0) {
      throw CliExit.usage("--interval must be between PT0.1S and PT10M, got " + value);
    }
    return d;
  }

  private static void sleep(Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliExit(ExitCodes.FAILURE, "interrupted while watching");
    }
  }
}
