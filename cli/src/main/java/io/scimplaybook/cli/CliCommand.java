package io.scimplaybook.cli;

import io.temporal.client.WorkflowClient;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * One operator verb. {@link #prepare} checks the options and does all local work (reading and sealing a token)
 * before any connection exists; the returned action is the only part that talks to Temporal.
 */
interface CliCommand {

  /** Options taking a value, besides the common --address and --namespace. */
  Set<String> valueOptions();

  default Set<String> flags() {
    return Set.of();
  }

  Action prepare(CliArguments args, Map<String, String> env);

  @FunctionalInterface
  interface Action {
    /**
     * Returns the exit code; throws {@link CliExit} or an SDK exception otherwise. Results go to {@code out}, messages
     * about them (a run that has not finished, progress) to {@code err}.
     */
    int run(WorkflowClient client, PrintStream out, PrintStream err);
  }
}
