package io.scimplaybook.cli;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code list}: playbook runs found through the server's visibility store, filtered by the runs' search attributes.
 * A server without one (the embedded test server) cannot answer; that is its own exit code, with the way around it.
 */
final class ListCommand implements CliCommand {
  static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 10_000;

  @Override
  public Set<String> valueOptions() {
    return Set.of("account", "source", "idp", "step", "outcome", "root-cause", "limit");
  }

  @Override
  public Set<String> flags() {
    return Set.of("json");
  }

  @Override
  public Action prepare(CliArguments args, Map<String, String> env) {
    String query = ListQuery.from(args);
    int limit = limit(args);
    boolean json = args.flag("json");
    return (client, out, err) -> {
      List<RunRow> rows;
      try {
        rows = client.listExecutions(query).limit(limit).map(RunRow::of).toList();
      } catch (RuntimeException e) {
        throw explained(e, query);
      }
      if (json) {
        out.println(CliJson.write(rows));
      } else if (rows.isEmpty()) {
        out.println("No playbook run matches " + query);
      } else {
        out.print(RunTable.render(rows));
        out.println(rows.size() + " run(s)" + (rows.size() == limit ? "; there may be more (--limit)" : ""));
      }
      return ExitCodes.OK;
    };
  }

  private static int limit(CliArguments args) {
    String value = args.optional("limit").orElse(String.valueOf(DEFAULT_LIMIT));
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliExit.usage("--limit must be a number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
  }

  private static RuntimeException explained(RuntimeException e, String query) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        Status status = grpc.getStatus();
        if (status.getCode() == Status.Code.UNIMPLEMENTED) {
          return new CliExit(ExitCodes.NO_VISIBILITY, "this Temporal server cannot list workflows: it has no "
              + "visibility store (the embedded test server of the demo has none). Ask for one run instead: "
              + "status --account A --source S (or --workflow-id W); a real cluster (docker compose) can list.");
        }
        if (status.getCode() == Status.Code.INVALID_ARGUMENT) {
          return new CliExit(ExitCodes.FAILURE, "Temporal refused the list query (" + status.getDescription()
              + "); are the playbook's search attributes registered on this namespace? Query: " + query);
        }
        break;
      }
    }
    return e;
  }
}
