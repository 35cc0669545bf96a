package io.scimplaybook.cli;

/** The operator CLI's usage text, printed on --help (after a usage error, only a line pointing here). */
final class CliUsage {

  static final String TEXT = """
      Usage: scim-playbook <command> [options]   (or: java -jar cli-VERSION-exec.jar <command> ...)

      Operator commands for SCIM playbook runs (workflow id: scim-playbook-<accountId>-<sourceId>).

        approve --workflow-id W [--task-id T] --approver NAME --token-file F [--note T] [--seal-key-file P]
            Approve token rotation. F holds the token generated in the CMA; it is sealed
            with the key from $SCIM_PLAYBOOK_SEAL_KEY (or the base64 key in file P)
            before anything leaves this process, and it is never printed.
            Answers task T (default: the rotation task the run is waiting on); the run
            refuses it if it has moved on to another attempt.
        reject --workflow-id W [--task-id T] --operator NAME --reason R
            Refuse token rotation (task T, default as for approve); the run escalates.
        confirm --workflow-id W --operator NAME [--task-id T] [--note T]
            Say you did what the pending task asks: REVERTED for suspect changes ("I
            reverted the change"), SUCCEEDED for a manual step. With --task-id, only if
            that task is still the pending one.
        decide --workflow-id W [--task-id T] --decision REVERTED|DISMISSED|SUCCEEDED|FAILED --operator NAME [--note T]
            Answer an operator task (default: the task the run is waiting on).
        status --workflow-id W [--json]
            Where the run is, what it found, and what a person must do next.
        watch --workflow-id W [--interval PT1S]
            Follow the run live: each step, timeline entry, task and reminder as it
            happens; exits when the run ends, with its outcome's code (below).
        report --workflow-id W [--json]
            The finished run's report as Markdown (or JSON); exit 3 while it still runs.
        poller start --account A [--interval PT30S]
            Start account A's events-feed poller (workflow scim-playbook-poller-A);
            a running one is left alone.
        poller stop --account A
            End the poller after its current poll; its marker is kept.
        poller status --account A [--json]
            Marker, polls, events delivered, last poll, rate-limit back-off.
        list [--account A] [--source S] [--idp I] [--step S] [--outcome O] [--root-cause C] [--limit N] [--json]
            Runs matching the filters (the runs' search attributes): workflow id, state,
            step, outcome, root cause, IdP, start time.
            Needs a server with a visibility store; exit 6 on one without (the demo's).
        fleet [--json]
            Suspected provider incidents (workflow scim-playbook-fleet): open and recently
            cleared, each with its reason, scope, affected sources and when it was declared
            and cleared. Runs of affected sources hold before asking anyone.

      Instead of --workflow-id W, status, watch, report and confirm take --account A --source S.

      Common options:
        --address HOST:PORT   Temporal frontend (default: $TEMPORAL_ADDRESS, else 127.0.0.1:7233)
        --namespace NS        Temporal namespace (default: $TEMPORAL_NAMESPACE, else default)
        --tls                 TLS with the JVM's trusted CAs (implied by every option below)
        --tls-cert F --tls-key F   mTLS client certificate and its PKCS#8 key (PEM, together)
        --tls-ca F            CA certificate(s) (PEM) to trust for the server
        --tls-server-name N   server name to verify when it differs from the address host
        --api-key K           Temporal Cloud API key (better: $TEMPORAL_API_KEY); never printed
        --help                this text

      Exit codes: 0 ok, 1 other failure, 2 usage error, 3 run not finished,
                  4 workflow not found, 5 Temporal unreachable, 6 server cannot list (no visibility);
                  watch: 0 RESOLVED, 7 ESCALATED, 8 NOT_REPRODUCED, 9 ended without a report
      """;

  private CliUsage() {}
}
