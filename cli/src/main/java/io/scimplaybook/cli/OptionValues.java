package io.scimplaybook.cli;

import java.util.Optional;
import java.util.Set;

/**
 * Checks on option values that picocli cannot make: a blank value counts as missing, and an empty name gets the
 * explanation it usually has ($USER was empty), so a wrong value never silently falls back to a default.
 */
final class OptionValues {

  /** Options naming the person who answers; the README's examples fill them with "$USER". */
  static final Set<String> PERSON_OPTIONS = Set.of("--approver", "--operator");

  private OptionValues() {}

  /** {@code verb} and {@code label} only word the message: "reject needs --reason R". */
  static String required(String verb, String option, String label, String value) {
    if (value != null && value.isBlank() && PERSON_OPTIONS.contains(option)) {
      // Usually `--approver "$USER"` in a shell (a container, cron, sudo -i) where USER is not set.
      throw CliExit.usage(emptyPerson(option, label));
    }
    if (value == null || value.isBlank()) {
      throw CliExit.usage(verb + " needs " + option + " " + label);
    }
    return value.strip();
  }

  static Optional<String> optional(String option, String value) {
    if (value != null && value.isBlank()) {
      throw CliExit.usage(option + " must not be empty");
    }
    return Optional.ofNullable(value).map(String::strip);
  }

  static String emptyPerson(String option, String label) {
    return option + " is empty: if you passed \"$USER\", $USER is empty in this shell; give your name (" + option
        + " " + label + ")";
  }

  /** The hint after "--approver needs a value": an unquoted empty $USER vanishes from the command line. */
  static String missingValueHint(String option) {
    return PERSON_OPTIONS.contains(option)
        ? " (an unquoted $USER that is empty or unset leaves it without one: give your name)" : "";
  }
}
