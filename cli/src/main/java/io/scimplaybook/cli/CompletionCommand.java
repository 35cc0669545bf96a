package io.scimplaybook.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code completion}: the bash (and zsh, through bashcompinit) completion script, generated from the verbs' options. */
@Command(name = "completion", description = {
    "Print the shell completion script for the verbs, their options and fixed values. Load it with:",
    "  source <(./scim-playbook completion)",
    "(zsh: autoload -U +X bashcompinit && bashcompinit first)."})
final class CompletionCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, order = 1000, description = "This verb's help.")
  boolean help;

  @Override
  public Integer call() {
    PlaybookCli cli = (PlaybookCli) spec.root().userObject();
    cli.out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    cli.out().flush();
    return ExitCodes.OK;
  }
}
