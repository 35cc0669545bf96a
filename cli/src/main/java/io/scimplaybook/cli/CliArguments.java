package io.scimplaybook.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command's options: {@code --name value}, {@code --name=value} and flags. Anything not declared by the command
 * is a usage error, so a mistyped option never silently falls back to a default.
 */
final class CliArguments {

  /** Options naming the person who answers; the README's examples fill them with "$USER". */
  private static final Set<String> PERSON_OPTIONS = Set.of("approver", "operator");

  private final String command;
  private final Map<String, String> values;
  private final Set<String> flags;

  private CliArguments(String command, Map<String, String> values, Set<String> flags) {
    this.command = command;
    this.values = values;
    this.flags = flags;
  }

  static CliArguments parse(String command, String[] args, Set<String> valueOptions, Set<String> flagOptions) {
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ("-h".equals(arg)) {
        arg = "--help";
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw CliExit.usage("unexpected argument '" + arg + "' for " + command);
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flagOptions.contains(name) || "help".equals(name)) {
        if (value != null) {
          throw CliExit.usage("--" + name + " takes no value");
        }
        flags.add(name);
      } else if (valueOptions.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw CliExit.usage("--" + name + " needs a value" + (PERSON_OPTIONS.contains(name)
                ? " (an unquoted $USER that is empty or unset leaves it without one: give your name)" : ""));
          }
          value = args[++i];
        }
        if (values.putIfAbsent(name, value) != null) {
          throw CliExit.usage("--" + name + " is given more than once");
        }
      } else {
        throw CliExit.usage("unknown option --" + name + " for " + command);
      }
    }
    return new CliArguments(command, values, flags);
  }

  String command() {
    return command;
  }

  String required(String name, String placeholder) {
    String value = values.get(name);
    if (value != null && value.isBlank() && PERSON_OPTIONS.contains(name)) {
      // Usually `--approver "$USER"` in a shell (a container, cron, sudo -i) where USER is not set.
      throw CliExit.usage("--" + name + " is empty: if you passed \"$USER\", $USER is empty in this shell; give your "
          + "name (--" + name + " " + placeholder + ")");
    }
    if (value == null || value.isBlank()) {
      throw CliExit.usage(command + " needs --" + name + " " + placeholder);
    }
    return value.strip();
  }

  Optional<String> optional(String name) {
    String value = values.get(name);
    if (value != null && value.isBlank()) {
      throw CliExit.usage("--" + name + " must not be empty");
    }
    return Optional.ofNullable(value).map(String::strip);
  }

  /** The value as given, for messages only. */
  String raw(String name) {
    return values.getOrDefault(name, "?");
  }

  boolean flag(String name) {
    return flags.contains(name);
  }
}
