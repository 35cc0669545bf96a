package io.scimplaybook.cli;

import io.scimplaybook.api.PlaybookIds;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which run a verb acts on: {@code --workflow-id W}, or {@code --account A --source S} for an operator who knows the
 * failing connection rather than the id (the way to find a run where the server cannot list them). A picocli mixin.
 */
final class WorkflowTarget {

  @Option(names = "--workflow-id", paramLabel = "W", description = "the run: scim-playbook-<account>-<source>")
  String workflowId;

  @Option(names = "--account", paramLabel = "A", description = "instead of --workflow-id: the Cato account...")
  String account;

  @Option(names = "--source", paramLabel = "S", description = "...and its SCIM source")
  String source;

  String resolve(String verb) {
    Optional<String> id = OptionValues.optional("--workflow-id", workflowId);
    Optional<String> account = OptionValues.optional("--account", this.account);
    Optional<String> source = OptionValues.optional("--source", this.source);
    if (id.isPresent()) {
      if (account.isPresent() || source.isPresent()) {
        throw CliExit.usage("give either --workflow-id or --account and --source, not both");
      }
      return id.get();
    }
    if (account.isEmpty() && source.isEmpty()) {
      throw CliExit.usage(verb + " needs --workflow-id W (or --account A --source S)");
    }
    if (account.isEmpty() || source.isEmpty()) {
      throw CliExit.usage("--account and --source go together (the run of one SCIM source of one account)");
    }
    try {
      return PlaybookIds.workflowId(account.get(), source.get());
    } catch (IllegalArgumentException e) {
      throw CliExit.usage(e.getMessage().replace("accountId", "--account").replace("sourceId", "--source"));
    }
  }

  /** The id for an error message, without failing on options that are wrong. */
  String forMessages() {
    try {
      return resolve("?");
    } catch (CliExit e) {
      return "?";
    }
  }
}
