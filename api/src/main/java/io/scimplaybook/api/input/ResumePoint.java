package io.scimplaybook.api.input;

/**
 * Where a run that continued as new picks up: the waits a flood can reach for long. Everywhere else the run is short
 * (an activity in flight) or not resumable yet, and does not continue as new (README, "Floods").
 */
public enum ResumePoint {
  /** No countable event yet (only ignored ones): still waiting for the first. */
  AWAITING_EVENT,
  /** The operator task REVIEW_SUSPECTS of the cycle is open. */
  REVIEW_SUSPECTS,
  /** The operator task APPROVE_ROTATION of the cycle's token rotation is open. */
  APPROVE_ROTATION,
  /** The monitoring window after a fix, or the proof that follows it. */
  MONITORING
}
