package io.scimplaybook.starter;

/** The operator CLI's usage text, printed on --help and after every usage error. */
final class CliUsage {

  static final String TEXT = """
      Usage: java -jar starter.jar <command> [options]

      Operator commands for SCIM playbook runs (workflow id: scim-playbook-<accountId>-<sourceId>).

        approve --workflow-id W --approver NAME --token-file F [--note T] [--seal-key-file P]
            Approve token rotation. F holds the token generated in the CMA; it is sealed
            with the key from $SCIM_PLAYBOOK_SEAL_KEY (or the base64 key in file P)
            before anything leaves this process, and it is never printed.
        reject --workflow-id W --operator NAME --reason R
            Refuse token rotation; the run escalates.
        decide --workflow-id W [--task-id T] --decision REVERTED|DISMISSED|SUCCEEDED|FAILED --operator NAME [--note T]
            Answer an operator task (default: the task the run is waiting on).
        status --workflow-id W [--json]
            Where the run is, what it found, and what a person must do next.
        report --workflow-id W [--json]
            The finished run's report as Markdown (or JSON); exit 3 while it still runs.

      Common options:
        --address HOST:PORT   Temporal frontend (default: $TEMPORAL_ADDRESS, else 127.0.0.1:7233)
        --namespace NS        Temporal namespace (default: default)
        --help                this text

      Exit codes: 0 ok, 1 other failure, 2 usage error, 3 run not finished,
                  4 workflow not found, 5 Temporal unreachable
      """;

  private CliUsage() {}
}
