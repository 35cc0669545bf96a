package io.scimplaybook.cli;

import io.scimplaybook.api.PlaybookIds;
import java.util.Optional;
import java.util.Set;

/**
 * Which run a verb acts on: {@code --workflow-id W}, or {@code --account A --source S} for an operator who knows the
 * failing connection rather than the id (the way to find a run where the server cannot list them).
 */
final class WorkflowTarget {
  static final Set<String> OPTIONS = Set.of("workflow-id", "account", "source");

  private WorkflowTarget() {}

  static String resolve(CliArguments args) {
    Optional<String> id = args.optional("workflow-id");
    Optional<String> account = args.optional("account");
    Optional<String> source = args.optional("source");
    if (id.isPresent()) {
      if (account.isPresent() || source.isPresent()) {
        throw CliExit.usage("give either --workflow-id or --account and --source, not both");
      }
      return id.get();
    }
    if (account.isEmpty() && source.isEmpty()) {
      throw CliExit.usage(args.command() + " needs --workflow-id W (or --account A --source S)");
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
  static String forMessages(CliArguments args) {
    try {
      return resolve(args);
    } catch (CliExit e) {
      return "?";
    }
  }
}
