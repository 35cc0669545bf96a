package io.scimplaybook.cli;

import io.temporal.client.WorkflowClient;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One operator verb. picocli fills its options; {@link #prepare} checks them and does all local work (reading and
 * sealing a token) before any connection exists; the returned action is the only part that talks to Temporal.
 */
@Command(separator = " ", sortOptions = false, sortSynopsis = false, usageHelpWidth = 100)
abstract class CliCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 1000, description = "This verb's help.")
  boolean help;

  @ArgGroup(exclusive = false, validate = false, order = 100, heading = "%nConnection options (every verb):%n")
  ConnectionArgs connection = new ConnectionArgs();

  private ConnectionOptions connectionOptions;

  abstract Action prepare(Map<String, String> env);

  /** The run an error message names; "?" when the options do not say. */
  String workflowIdForMessages() {
    return "?";
  }

  @Override
  public final Integer call() {
    PlaybookCli cli = (PlaybookCli) spec.root().userObject();
    connectionOptions = ConnectionOptions.from(connection == null ? new ConnectionArgs() : connection, cli.env());
    Action action = prepare(cli.env());
    try (TemporalConnection temporal = TemporalConnection.open(connectionOptions)) {
      return action.run(temporal.client(), cli.out(), cli.err());
    }
  }

  String address() {
    return connectionOptions == null ? "?" : connectionOptions.address();
  }

  String namespace() {
    return connectionOptions == null ? "?" : connectionOptions.namespace();
  }

  /** "status", "poller start": the verb as an operator types it. */
  String verb() {
    return PlaybookCli.verb(spec);
  }

  /** The value of a required option, blank counting as missing (picocli only sees whether it was given). */
  String required(String option, String value) {
    OptionSpec spec = this.spec.findOption(option);
    return OptionValues.required(verb(), option, spec == null ? "" : spec.paramLabel(), value);
  }

  @FunctionalInterface
  interface Action {
    /**
     * Returns the exit code; throws {@link CliExit} or an SDK exception otherwise. Results go to {@code out}, messages
     * about them (a run that has not finished, progress) to {@code err}.
     */
    int run(WorkflowClient client, PrintStream out, PrintStream err);
  }
}
