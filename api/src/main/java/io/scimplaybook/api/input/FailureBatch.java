package io.scimplaybook.api.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Several failure events for one run in one signal. A flood for one (account, source) would otherwise be one history
 * event per event; coalesced at the doors ({@link io.scimplaybook.api.CoalescingDelivery}, the poller's page) it is
 * one per batch. The run counts each event exactly as a single {@code failureReported} signal would.
 *
 * @param events at most {@link #MAX_EVENTS}, in the order they arrived
 */
public record FailureBatch(List<ScimFailureEvent> events) {

  /**
   * A real server refuses payloads over 2 MB; a webhook event is at most a few KB after the door's checks (a
   * 256-character resource name, a reason), so 500 keeps a batch well under the limit.
   */
  public static final int MAX_EVENTS = 500;

  public FailureBatch {
    // Not List.copyOf: a null element must reach the run, which notes it as ignored, rather than fail the signal's
    // decoding (a signal that cannot be decoded is dropped by the worker with the valid events beside it).
    events = events == null ? null : Collections.unmodifiableList(new ArrayList<>(events));
  }
}
