package io.scimplaybook.cli;

import io.scimplaybook.api.EventsFeedPollerWorkflow;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PollerControl;
import io.scimplaybook.api.input.PlaybookOptions;
import io.scimplaybook.api.input.PollerOptions;
import io.scimplaybook.api.status.PollerStatus;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code poller start|stop|status --account A}: the events-feed poller of one Cato account. The group itself only
 * says that it needs a sub-verb.
 */
@Command(name = "poller", separator = " ", sortOptions = false, usageHelpWidth = 100,
    description = "The events-feed poller of one Cato account (workflow scim-playbook-poller-A).",
    synopsisSubcommandLabel = "start|stop|status",
    subcommands = {PollerCommand.Start.class, PollerCommand.Stop.class, PollerCommand.Status.class})
final class PollerCommand implements Callable<Integer> {

  static final String SUB_VERBS = "start, stop or status";

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 1000, description = "This verb's help.")
  boolean help;

  @Override
  public Integer call() {
    throw CliExit.usage("poller needs a sub-verb: " + SUB_VERBS);
  }

  /** What the three sub-verbs share: the account, checked the same way. */
  abstract static class AccountCommand extends CliCommand {
    @Option(names = "--account", paramLabel = "A", required = true, description = "Cato account id")
    String account;

    String workflowId;

    String checkedAccount() {
      String account = required("--account", this.account);
      if (!PlaybookIds.isValidId(account)) {
        throw CliExit.usage("--account must be 1-64 letters, digits, '_' or '.', got '" + account + "'");
      }
      workflowId = PlaybookIds.pollerWorkflowId(account);
      return account;
    }

    @Override
    String workflowIdForMessages() {
      return workflowId == null ? "?" : workflowId;
    }
  }

  @Command(name = "start", description = "Start account A's events-feed poller; a running one is left alone.")
  static final class Start extends AccountCommand {
    @Option(names = "--interval", paramLabel = "PT30S", description = "time between polls (ISO-8601; default PT30S)")
    String interval;

    @Override
    Action prepare(Map<String, String> env) {
      String account = checkedAccount();
      PollerOptions options = PollerOptions.defaults();
      Optional<String> given = OptionValues.optional("--interval", interval);
      if (given.isPresent()) {
        options = options.withPollInterval(duration(given.get()));
      }
      String problem = options.problem();
      if (problem != null) {
        throw CliExit.usage("--interval: " + problem);
      }
      PollerOptions chosen = options;
      return (client, out, err) -> {
        PollerControl.Result r = PollerControl.start(client, account, chosen, PlaybookOptions.defaults());
        out.println(r.started()
            ? "Started the events-feed poller " + r.workflowId() + " (run " + r.runId() + "), every " + chosen.pollInterval()
            : "The events-feed poller " + r.workflowId() + " is already running (run " + r.runId() + "); left alone");
        return ExitCodes.OK;
      };
    }
  }

  @Command(name = "stop", description = "End the poller after its current poll; its marker is kept.")
  static final class Stop extends AccountCommand {
    @Override
    Action prepare(Map<String, String> env) {
      String account = checkedAccount();
      String workflowId = this.workflowId;
      return (client, out, err) -> {
        try {
          client.newWorkflowStub(EventsFeedPollerWorkflow.class, workflowId).stop();
        } catch (WorkflowNotFoundException e) {
          throw new CliExit(ExitCodes.NOT_FOUND, "no running events-feed poller for account " + account);
        }
        out.println("Stop requested for " + workflowId + "; it ends after its current poll, keeping its marker");
        return ExitCodes.OK;
      };
    }
  }

  @Command(name = "status", description = "Marker, polls, events delivered, last poll, rate-limit back-off.")
  static final class Status extends AccountCommand {
    @Option(names = "--json", description = "the poller's status as JSON")
    boolean json;

    @Override
    Action prepare(Map<String, String> env) {
      String account = checkedAccount();
      String workflowId = this.workflowId;
      boolean json = this.json;
      return (client, out, err) -> {
        PollerStatus s;
        try {
          s = client.newWorkflowStub(EventsFeedPollerWorkflow.class, workflowId).status();
        } catch (WorkflowNotFoundException e) {
          throw new CliExit(ExitCodes.NOT_FOUND, "no events-feed poller for account " + account);
        }
        out.print(json ? CliJson.write(s) + "\n" : render(workflowId, s));
        return ExitCodes.OK;
      };
    }
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw CliExit.usage("--interval must be an ISO-8601 duration such as PT30S, got '" + text + "'");
    }
  }

  static String render(String workflowId, PollerStatus s) {
    return "Poller " + workflowId + (s.stopping() ? " (stopping)" : "") + "\n"
        + "  marker:            " + (s.marker() == null ? "(start of the feed)" : s.marker()) + "\n"
        + "  polls:             " + s.polls() + "\n"
        + "  events delivered:  " + s.eventsDelivered() + "\n"
        + "  last poll:         " + (s.lastPollAt() == null ? "none yet" : s.lastPollAt()) + "\n"
        + (s.backoff() == null ? "" : "  rate-limit back-off: " + s.backoff() + " (" + s.rateLimitedInARow()
            + " refusal(s) in a row)\n")
        + (s.lastError() == null ? "" : "  last error:        " + s.lastError() + "\n");
  }
}
