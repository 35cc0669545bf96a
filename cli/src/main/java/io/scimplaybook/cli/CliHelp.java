package io.scimplaybook.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli's help, with one change: a verb's synopsis says "[connection options]" instead of spelling out the eight
 * options every verb shares (they follow in their own section). The root's help lists them once, from the same
 * declarations ({@link ConnectionArgs}).
 */
final class CliHelp extends Help {

  CliHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  @Override
  protected Ansi.Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done, List<OptionSpec> optionList,
      Comparator<OptionSpec> optionSort, boolean clusterBooleanOptions) {
    List<OptionSpec> connection = optionList.stream().filter(o -> o.group() != null).toList();
    if (connection.isEmpty()) {
      return super.createDetailedSynopsisOptionsText(done, optionList, optionSort, clusterBooleanOptions);
    }
    List<ArgSpec> shown = new ArrayList<>(done);
    shown.addAll(connection);
    return super.createDetailedSynopsisOptionsText(shown, optionList, optionSort, clusterBooleanOptions)
        .concat(" [connection options]");
  }

  /** The connection options' section of a verb's help, for the root's help. */
  static String connectionOptions() {
    return new CommandLine(new StatusCommand()).setHelpFactory(CliHelp::new).getHelp().optionListGroupSections();
  }
}
