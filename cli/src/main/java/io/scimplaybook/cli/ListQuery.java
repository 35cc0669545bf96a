package io.scimplaybook.cli;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.PlaybookSearchAttributes;
import io.scimplaybook.api.ScimPlaybookWorkflow;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.RootCause;
import io.scimplaybook.api.status.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The visibility query behind {@code list}. Every value is checked against the ids' pattern or the attribute's
 * enum before it is quoted, so no filter can change the query's meaning.
 */
final class ListQuery {
  /** What the run sets as RootCause when it ends without one (NOT_REPRODUCED). */
  static final String NO_ROOT_CAUSE = "NONE";

  private ListQuery() {}

  static String from(CliArguments args) {
    List<String> terms = new ArrayList<>();
    terms.add("WorkflowType = '" + ScimPlaybookWorkflow.class.getSimpleName() + "'");
    id(args, "account").ifPresent(v -> terms.add(term(PlaybookSearchAttributes.ACCOUNT_ID.getName(), v)));
    id(args, "source").ifPresent(v -> terms.add(term(PlaybookSearchAttributes.SOURCE_ID.getName(), v)));
    oneOf(args, "idp", names(Idp.values())).ifPresent(v -> terms.add(term(PlaybookSearchAttributes.IDP.getName(), v)));
    oneOf(args, "step", names(Step.values()))
        .ifPresent(v -> terms.add(term(PlaybookSearchAttributes.STEP.getName(), v)));
    oneOf(args, "outcome", names(Outcome.values()))
        .ifPresent(v -> terms.add(term(PlaybookSearchAttributes.OUTCOME.getName(), v)));
    oneOf(args, "root-cause",
        Stream.concat(names(RootCause.values()).stream(), Stream.of(NO_ROOT_CAUSE)).toList())
        .ifPresent(v -> terms.add(term(PlaybookSearchAttributes.ROOT_CAUSE.getName(), v)));
    return String.join(" AND ", terms);
  }

  private static String term(String attribute, String value) {
    return attribute + " = '" + value + "'";
  }

  private static Optional<String> id(CliArguments args, String option) {
    return args.optional(option).map(v -> {
      if (!PlaybookIds.isValidId(v)) {
        throw CliExit.usage("--" + option + " must be 1-64 letters, digits, '_' or '.', got '" + v + "'");
      }
      return v;
    });
  }

  private static Optional<String> oneOf(CliArguments args, String option, List<String> allowed) {
    return args.optional(option).map(v -> {
      String value = v.toUpperCase(Locale.ROOT).replace('-', '_');
      if (!allowed.contains(value)) {
        throw CliExit.usage("--" + option + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
      }
      return value;
    });
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
  }
}
