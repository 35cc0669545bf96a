package io.scimplaybook.api.input;

import java.time.Duration;
import java.util.List;

/**
 * Where an account's event router starts: fresh with nothing pending, or after continue-as-new with the events that
 * arrived but were not routed yet and its counters.
 *
 * @param playbook the settings of every playbook run the router's deliveries start
 * @param pending events received and not yet routed (carried over a continue-as-new)
 * @param idleTimeout how long the router waits for another event before it completes
 * @param batchesBeforeContinueAsNew routed batches after which the router continues as new, keeping history short
 */
public record RouterInput(
    String accountId,
    PlaybookOptions playbook,
    List<ScimFailureEvent> pending,
    long eventsRouted,
    Duration idleTimeout,
    int batchesBeforeContinueAsNew) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
  public static final int DEFAULT_BATCHES_BEFORE_CONTINUE_AS_NEW = 100;

  public static RouterInput fresh(String accountId, PlaybookOptions playbook) {
    return new RouterInput(accountId, playbook, List.of(), 0, DEFAULT_IDLE_TIMEOUT,
        DEFAULT_BATCHES_BEFORE_CONTINUE_AS_NEW);
  }
}
