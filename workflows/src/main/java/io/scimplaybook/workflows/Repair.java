package io.scimplaybook.workflows;

import io.scimplaybook.api.status.RootCause;

/** How a repair attempt ended: fixed with a cause, or not, with the reason a support engineer reads first. */
record Repair(boolean fixed, RootCause cause, String conclusion) {

  static Repair fixed(RootCause cause, String conclusion) {
    return new Repair(true, cause, conclusion);
  }

  /** Not fixed: the cause stays UNKNOWN because nothing the playbook tried proved one. */
  static Repair unfixed(String conclusion) {
    return new Repair(false, RootCause.UNKNOWN, conclusion);
  }
}
