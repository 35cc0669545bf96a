package io.scimplaybook.api.operator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a person is asked to do, and the one place that says which {@link Decision}s answer it: the workflow waits for
 * exactly these, {@code decide} refuses the others before sending, and {@code confirm} sends the yes-answer.
 */
public enum TaskKind {
  /** Yes: the operator reverted a suspect change; no: none of them broke provisioning. */
  REVIEW_SUSPECTS(Decision.REVERTED, Decision.DISMISSED),
  /** Takes no decision: the approve / reject signals answer it, because an approval has to carry the sealed token. */
  APPROVE_ROTATION,
  PROVISION_MANUALLY(Decision.SUCCEEDED, Decision.FAILED),
  INSTALL_TOKEN_MANUALLY(Decision.SUCCEEDED, Decision.FAILED),
  /** Yes: the IdP's scheduled sync ran after the fix and succeeded (IdPs without a job-status API). */
  CONFIRM_SCHEDULED_SYNC(Decision.SUCCEEDED, Decision.FAILED);

  private final Decision yes;
  private final Set<Decision> accepted;

  TaskKind() {
    this.yes = null;
    this.accepted = Collections.unmodifiableSet(EnumSet.noneOf(Decision.class));
  }

  TaskKind(Decision yes, Decision no) {
    this.yes = yes;
    // EnumSet keeps declaration order, so messages that list the answers read the same every time.
    this.accepted = Collections.unmodifiableSet(EnumSet.of(yes, no));
  }

  /** The decisions that answer a task of this kind; empty when signals other than decideTask answer it. */
  public Set<Decision> accepted() {
    return accepted;
  }

  public boolean accepts(Decision decision) {
    return decision != null && accepted.contains(decision);
  }

  /** Whether decideTask answers this kind at all; false means approve / reject do. */
  public boolean answeredByDecision() {
    return !accepted.isEmpty();
  }

  /** The "I did it" answer {@code confirm} sends; empty for kinds that no decision answers. */
  public Optional<Decision> yesAnswer() {
    return Optional.ofNullable(yes);
  }
}
