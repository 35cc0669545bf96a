package io.scimplaybook.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.errordetails.v1.NamespaceNotFoundFailure;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.StatusUtils;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The operator CLI: plain Java on picocli, no Spring. Errors go to stderr, results to stdout, and the exit code says
 * which (see {@link ExitCodes}). A usage error prints the error and one line saying where help is, never the whole
 * usage text (which only --help prints).
 */
@Command(name = "scim-playbook", separator = " ", usageHelpWidth = 100, synopsisSubcommandLabel = "<verb>",
    description = "Operator commands for SCIM playbook runs (workflow id: scim-playbook-<accountId>-<sourceId>).",
    commandListHeading = "%nVerbs (scim-playbook <verb> --help for each one's options):%n",
    footer = {"%nInstead of --workflow-id W, status, watch, report and confirm take --account A --source S.",
        "%nExit codes: 0 ok, 1 other failure, 2 usage error, 3 run not finished, 4 workflow not found,",
        "            5 Temporal unreachable, 6 server cannot list (no visibility);",
        "            watch: 0 RESOLVED, 7 ESCALATED, 8 NOT_REPRODUCED, 9 ended without a report"})
public final class PlaybookCli implements Callable<Integer> {

  /** The one line that follows an error before any verb is known, instead of the whole usage text. */
  static final String HELP_HINT = "Run 'scim-playbook --help' for the verbs and their options.";
  private static final String CONNECTION_SECTION = "connectionOptions";
  /**
   * The verbs, in the order help lists them. Registered here rather than in {@code @Command(subcommands)} so that a
   * call naming a verb builds only that verb's model: picocli reads annotations by reflection, and building all eleven
   * cost a start-up of a call about a third of picocli's share (docs/cli-benchmark.md).
   */
  private static final Map<String, Supplier<Object>> VERBS = verbTable();
  /** Verbs that need to see all the others. */
  private static final Set<String> NEED_ALL = Set.of("help", "completion");

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "This help.")
  boolean help;

  @Spec
  CommandSpec spec;

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

  private static Map<String, Supplier<Object>> verbTable() {
    Map<String, Supplier<Object>> verbs = new LinkedHashMap<>();
    verbs.put("approve", ApproveCommand::new);
    verbs.put("reject", RejectCommand::new);
    verbs.put("confirm", ConfirmCommand::new);
    verbs.put("decide", DecideCommand::new);
    verbs.put("status", StatusCommand::new);
    verbs.put("watch", WatchCommand::new);
    verbs.put("report", ReportCommand::new);
    verbs.put("list", ListCommand::new);
    verbs.put("poller", PollerCommand::new);
    verbs.put("completion", CompletionCommand::new);
    verbs.put("help", HelpCommand::new);
    return verbs;
  }

  public int run(String... args) {
    CommandLine commandLine = new CommandLine(this);
    String named = args.length > 0 && VERBS.containsKey(args[0]) && !NEED_ALL.contains(args[0]) ? args[0] : null;
    VERBS.forEach((name, verb) -> {
      if (named == null || named.equals(name)) {
        commandLine.addSubcommand(name, verb.get());
      }
    });
    // After the verbs: picocli hands these settings down only to the subcommands already registered.
    commandLine
        // "@file" would read arguments from a file: a --note starting with "@" must stay a note.
        .setExpandAtFiles(false)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setHelpFactory(CliHelp::new)
        .setParameterExceptionHandler((e, given) -> usageError(UsageMessages.of(e, given), e.getCommandLine()))
        .setExecutionExceptionHandler((e, where, parsed) -> {
          if (e instanceof CliExit exit) {
            return exit.code() == ExitCodes.USAGE ? usageError(exit.getMessage(), where) : error(exit);
          }
          if (e instanceof RuntimeException failure && where.getCommand() instanceof CliCommand command) {
            return failed(failure, command.workflowIdForMessages(), command.address(), command.namespace());
          }
          throw e;
        });
    List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
    sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), CONNECTION_SECTION);
    commandLine.setHelpSectionKeys(sections);
    commandLine.getHelpSectionMap().put(CONNECTION_SECTION, help -> CliHelp.connectionOptions());
    return commandLine.execute(args);
  }

  /** Without a verb there is nothing to do: say so, and which verbs there are. */
  @Override
  public Integer call() {
    throw CliExit.usage("no verb given; the verbs are " + verbs(spec.commandLine()));
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  Map<String, String> env() {
    return env;
  }

  /** "status", "poller start": a command's name as an operator types it, without "scim-playbook". */
  static String verb(CommandSpec spec) {
    String qualified = spec.qualifiedName(" ");
    String root = spec.root().name();
    return qualified.equals(root) ? root : qualified.substring(root.length() + 1);
  }

  /** "approve, reject, ..., poller start|stop|status, completion, help", in the order --help lists them. */
  static String verbs(CommandLine root) {
    List<String> names = new ArrayList<>();
    root.getSubcommands().forEach((name, sub) -> names.add(sub.getSubcommands().isEmpty()
        ? name : name + " " + String.join("|", sub.getSubcommands().keySet())));
    return String.join(", ", names);
  }

  /** Where help is, after a usage error: the verb's own help once a verb is known. */
  static String helpHint(CommandLine where) {
    return helpHint(where == null || where.getParent() == null ? null : verb(where.getCommandSpec()));
  }

  /** {@code verb} null: before any verb is known. */
  static String helpHint(String verb) {
    return verb == null ? HELP_HINT : "Run 'scim-playbook " + verb + " --help' for its options.";
  }

  private int usageError(String message, CommandLine where) {
    err.println("error: " + message);
    err.println(helpHint(where));
    return ExitCodes.USAGE;
  }

  private int error(CliExit exit) {
    err.println("error: " + exit.getMessage());
    return exit.code();
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
