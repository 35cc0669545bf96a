package io.scimplaybook.api.findings;

/** What an operator said they did by hand, which the run then checks against what the vendors show. */
public enum ManualClaim {
  /** "I provisioned the probe user" (task PROVISION_MANUALLY answered SUCCEEDED). */
  PROVISIONED,
  /** "I installed the new token in the IdP" (task INSTALL_TOKEN_MANUALLY answered SUCCEEDED). */
  TOKEN_INSTALLED,
  /** "The scheduled sync ran after the fix and succeeded" (task CONFIRM_SCHEDULED_SYNC answered SUCCEEDED). */
  SCHEDULED_SYNC_SUCCEEDED
}
