package io.scimplaybook.api.input;

/**
 * One thing the playbook needs from an IdP. A source's {@link SourceProfile#automated()} lists the ones the worker can
 * do through the IdP's API for that source; the workflow turns every other one into an operator task (with the exact
 * console path) and checks the operator's answer afterwards where it can. ARCHITECTURE.md, "Adding an IdP".
 */
public enum IdpCapability {
  /** Provision the source's probe user now and read the outcome (Entra provisionOnDemand, Okta app-user push). */
  PROVISION_NOW,
  /** Test a SCIM token at the IdP without saving it (Entra validateCredentials). */
  TEST_TOKEN,
  /** Save a SCIM token as the app's provisioning credentials (Entra secrets, Okta connections API where supported). */
  SAVE_TOKEN,
  /** Changes to the Cato app and its provisioning settings (Entra directory audit, Okta System Log, OneLogin events). */
  READ_CONFIG_CHANGES,
  /** Provisioning failures and outcomes (Entra provisioning log, Okta System Log, OneLogin events). */
  READ_PROVISIONING_FAILURES,
  /** The latest scheduled provisioning cycle and its result (Entra synchronization job; others from their logs). */
  READ_SCHEDULED_CYCLE,
  /** Restart a quarantined provisioning job (Entra). */
  RESTART_JOB
}
