package io.scimplaybook.api.findings;

import java.util.List;

/**
 * The IdP's side of checking an operator's claim.
 *
 * @param evidence what was seen, one readable line each (event type, time, outcome, reason), never a secret
 */
public record ClaimCheck(ManualClaim claim, ClaimVerdict verdict, List<String> evidence) {

  public ClaimCheck {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  public static ClaimCheck unverified(ManualClaim claim, String why) {
    return new ClaimCheck(claim, ClaimVerdict.UNVERIFIED, List.of(why));
  }
}
