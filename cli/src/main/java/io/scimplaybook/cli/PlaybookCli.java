package io.scimplaybook.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.StatusUtils;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The operator CLI: plain Java, no Spring. Errors go to stderr, results to stdout, and the exit code says which
 * (see {@link ExitCodes}).
 */
public final class PlaybookCli {

  private static final Map<String, CliCommand> COMMANDS = Map.ofEntries(
      Map.entry("approve", new ApproveCommand()),
      Map.entry("reject", new RejectCommand()),
      Map.entry("decide", new DecideCommand()),
      Map.entry("status", new StatusCommand()),
      Map.entry("watch", new WatchCommand()),
      Map.entry("report", new ReportCommand()),
      Map.entry("list", new ListCommand()),
      Map.entry("confirm", new ConfirmCommand()),
      Map.entry("fleet", new FleetCommand()),
      Map.entry("poller start", new PollerCommand(PollerCommand.Verb.START)),
      Map.entry("poller stop", new PollerCommand(PollerCommand.Verb.STOP)),
      Map.entry("poller status", new PollerCommand(PollerCommand.Verb.STATUS)));
  /** Verbs that take a sub-verb ({@code poller start}); registered above as "verb sub-verb". */
  private static final Set<String> GROUPS = Set.of("poller");
  private static final Set<String> HELP = Set.of("help", "--help", "-h");
  /** The one line that follows an error instead of the whole usage text. */
  static final String HELP_HINT = "Run 'scim-playbook --help' for the verbs and their options.";
  static final String VERBS =
      "approve, reject, confirm, decide, status, watch, report, list, fleet, poller start|stop|status";

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public PlaybookCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** The {@code scim-playbook} wrapper runs this jar: the exit code is the CLI's, see {@link ExitCodes}. */
  public static void main(String[] args) {
    System.exit(new PlaybookCli(System.out, System.err, System.getenv()).run(args));
  }

  public int run(String... args) {
    if (args.length == 0) {
      err.println("error: no verb given; the verbs are " + VERBS);
      err.println(HELP_HINT);
      return ExitCodes.USAGE;
    }
    if (HELP.contains(args[0])) {
      out.print(CliUsage.TEXT);
      return ExitCodes.OK;
    }
    CliArguments parsed = null;
    String address = null;
    String namespace = null;
    try {
      String name = args[0];
      int first = 1;
      if (GROUPS.contains(name) && args.length > 1 && !args[1].startsWith("-")) {
        name = name + " " + args[1];
        first = 2;
      }
      CliCommand command = COMMANDS.get(name);
      if (command == null) {
        if (GROUPS.contains(args[0])) {
          throw CliExit.usage(first == 1
              ? args[0] + " needs a sub-verb: start, stop or status"
              : "unknown verb '" + name + "'; " + args[0] + " takes start, stop or status");
        }
        throw CliExit.usage("unknown verb '" + name + "'; the verbs are " + VERBS);
      }
      Set<String> options = new HashSet<>(command.valueOptions());
      options.addAll(ConnectionOptions.VALUE_OPTIONS);
      Set<String> flags = new HashSet<>(command.flags());
      flags.addAll(ConnectionOptions.FLAGS);
      String[] rest = Arrays.copyOfRange(args, first, args.length);
      parsed = CliArguments.parse(name, rest, options, flags);
      if (parsed.flag("help")) {
        out.print(CliUsage.TEXT);
        return ExitCodes.OK;
      }
      ConnectionOptions connectionOptions = ConnectionOptions.from(parsed, env);
      address = connectionOptions.address();
      namespace = connectionOptions.namespace();
      CliCommand.Action action = command.prepare(parsed, env);
      try (TemporalConnection connection = TemporalConnection.open(connectionOptions)) {
        return action.run(connection.client(), out, err);
      }
    } catch (CliExit e) {
      err.println("error: " + e.getMessage());
      if (e.code() == ExitCodes.USAGE) {
        err.println(HELP_HINT);
      }
      return e.code();
    } catch (RuntimeException e) {
      return failed(e, parsed == null ? "?" : WorkflowTarget.forMessages(parsed), address, namespace);
    }
  }

  /** Maps what the SDK throws to an exit code and a message an operator can act on. */
  private int failed(RuntimeException e, String workflowId, String address, String namespace) {
    StatusRuntimeException grpc = grpcCause(e);
    if (grpc != null && StatusUtils.getFailure(grpc, NamespaceNotFoundFailure.class) != null) {
      err.println("error: namespace '" + namespace + "' does not exist at " + address + " (--namespace)");
      return ExitCodes.FAILURE;
    }
    if (e instanceof WorkflowNotFoundException) {
      return notFound(workflowId, namespace);
    }
    if (grpc != null) {
      Status status = grpc.getStatus();
      String description = status.getDescription() == null ? "" : status.getDescription();
      switch (status.getCode()) {
        case NOT_FOUND:
          return notFound(workflowId, namespace);
        case UNAUTHENTICATED:
        case PERMISSION_DENIED:
          err.println("error: Temporal at " + address + " refused the credentials for namespace " + namespace + " ("
              + status.getCode() + "); check --api-key / TEMPORAL_API_KEY or the --tls-cert/--tls-key pair");
          return ExitCodes.FAILURE;
        case UNAVAILABLE:
          err.println("error: lost Temporal at " + address + " (" + description + ")");
          return ExitCodes.UNREACHABLE;
        case DEADLINE_EXCEEDED:
          err.println("error: Temporal did not answer in time; a status query also needs the playbook worker to be running");
          return ExitCodes.FAILURE;
        default:
          err.println("error: Temporal refused the request: " + status.getCode() + " " + description);
          return ExitCodes.FAILURE;
      }
    }
    err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    return ExitCodes.FAILURE;
  }

  private int notFound(String workflowId, String namespace) {
    err.println("error: no workflow " + workflowId + " in namespace " + namespace
        + " (or, for a signal, its run has already finished)");
    return ExitCodes.NOT_FOUND;
  }

  private static StatusRuntimeException grpcCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        return grpc;
      }
    }
    return null;
  }
}
