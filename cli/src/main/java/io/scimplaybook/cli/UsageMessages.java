package io.scimplaybook.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a usage error says, in the CLI's words: picocli tells which argument was wrong and where; the sentence names the
 * verb and the option as an operator types them ("reject needs --reason R", "unknown option --jsno for status").
 */
final class UsageMessages {

  private UsageMessages() {}

  static String of(ParameterException e, String[] args) {
    CommandLine where = e.getCommandLine();
    String verb = PlaybookCli.verb(where.getCommandSpec());
    if (e instanceof UnmatchedArgumentException unmatched) {
      return unmatched(unmatched, where, verb);
    }
    if (e instanceof MissingParameterException && !where.getUnmatchedArguments().isEmpty()) {
      // picocli checks required options first; a stray argument is usually the real mistake ("stop 9201").
      return unmatched(new UnmatchedArgumentException(where, where.getUnmatchedArguments()), where, verb);
    }
    if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
        && missing.getMissing().get(0) instanceof OptionSpec option) {
      String name = option.longestName();
      if (OptionValues.PERSON_OPTIONS.contains(name) && Arrays.asList(args).contains(name + "=")) {
        return OptionValues.emptyPerson(name, option.paramLabel());  // --approver="$USER" with $USER empty
      }
      if (given(args, name)) {
        return name + " needs a value" + OptionValues.missingValueHint(name);
      }
      return verb + " needs " + name + " " + option.paramLabel();
    }
    if (e instanceof OverwrittenOptionException overwritten && overwritten.getOverwritten() instanceof OptionSpec o) {
      return o.longestName() + " is given more than once";
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  private static String unmatched(UnmatchedArgumentException e, CommandLine where, String verb) {
    List<String> rest = e.getUnmatched();
    String first = rest.isEmpty() ? "" : rest.get(0);
    boolean option = first.startsWith("-");
    String name = option && first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
    if (!where.getSubcommands().isEmpty()) {  // the root or a group: what follows must be a verb
      if (where.getParent() == null) {
        return option
            ? "unknown option " + name + " before the verb; options go after it; the verbs are " + PlaybookCli.verbs(where)
            : "unknown verb '" + first + "'; the verbs are " + PlaybookCli.verbs(where) + suggestion(e);
      }
      String subVerbs = where.getCommandSpec().name() + " takes " + PollerCommand.SUB_VERBS;
      return option
          ? verb + " needs a sub-verb: " + PollerCommand.SUB_VERBS
          : "unknown verb '" + verb + " " + first + "'; " + subVerbs;
    }
    if (option) {
      OptionSpec known = where.getCommandSpec().findOption(name);
      if (known != null && known.arity().max() == 0) {
        return name + " takes no value";  // a flag given as --json=yes: picocli leaves it unmatched
      }
      if (known != null) {  // "--approver=": an empty value attached
        return OptionValues.PERSON_OPTIONS.contains(name)
            ? OptionValues.emptyPerson(name, known.paramLabel()) : name + " must not be empty";
      }
      return "unknown option " + name + " for " + verb + suggestion(e);
    }
    return "unexpected argument '" + first + "' for " + verb;
  }

  private static String suggestion(UnmatchedArgumentException e) {
    List<String> close = e.getSuggestions();
    return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
  }

  /** Whether the option is on the command line, so "missing" means its value is. */
  private static boolean given(String[] args, String name) {
    return Arrays.stream(args).anyMatch(a -> a.equals(name) || a.startsWith(name + "="));
  }
}
