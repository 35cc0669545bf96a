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
import java.util.Set;

/** {@code poller start|stop|status --account A}: the events-feed poller of one Cato account. */
final class PollerCommand implements CliCommand {

  enum Verb { START, STOP, STATUS }

  private final Verb verb;

  PollerCommand(Verb verb) {
    this.verb = verb;
  }

  @Override
  public Set<String> valueOptions() {
    return verb == Verb.START ? Set.of("account", "interval") : Set.of("account");
  }

  @Override
  public Set<String> flags() {
    return verb == Verb.STATUS ? Set.of("json") : Set.of();
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String account = args.required("account", "A");
    if (!PlaybookIds.isValidId(account)) {
      throw CliExit.usage("--account must be 1-64 letters, digits, '_' or '.', got '" + account + "'");
    }
    String workflowId = PlaybookIds.pollerWorkflowId(account);
    return switch (verb) {
      case START -> {
        PollerOptions options = PollerOptions.defaults();
        if (args.optional("interval").isPresent()) {
          options = options.withPollInterval(duration(args.optional("interval").get()));
        }
        String problem = options.problem();
        if (problem != null) {
          throw CliExit.usage("--interval: " + problem);
        }
        PollerOptions chosen = options;
        yield (client, out, err) -> {
          PollerControl.Result r = PollerControl.start(client, account, chosen, PlaybookOptions.defaults());
          out.println(r.started()
              ? "Started the events-feed poller " + r.workflowId() + " (run " + r.runId() + "), every " + chosen.pollInterval()
              : "The events-feed poller " + r.workflowId() + " is already running (run " + r.runId() + "); left alone");
          return ExitCodes.OK;
        };
      }
      case STOP -> (client, out, err) -> {
        try {
          client.newWorkflowStub(EventsFeedPollerWorkflow.class, workflowId).stop();
        } catch (WorkflowNotFoundException e) {
          throw new CliExit(ExitCodes.NOT_FOUND, "no running events-feed poller for account " + account);
        }
        out.println("Stop requested for " + workflowId + "; it ends after its current poll, keeping its marker");
        return ExitCodes.OK;
      };
      case STATUS -> {
        boolean json = args.flag("json");
        yield (client, out, err) -> {
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
    };
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
