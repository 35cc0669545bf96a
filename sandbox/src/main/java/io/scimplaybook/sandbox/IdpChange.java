package io.scimplaybook.sandbox;

import java.time.Instant;

/**
 * A change an admin made to the Cato app in the IdP's console or API, as the IdP's own log shows it (Okta's System
 * Log, OneLogin's events). Pushes are not here: those are {@link ProvisioningAttempt}s.
 *
 * @param id stable for the change's lifetime, so paging cursors and event ids stay put
 * @param actor the admin's login
 * @param setting what changed, in the console's words
 */
record IdpChange(String id, Instant time, Kind kind, String actor, String setting) {

  enum Kind {
    /** An app setting that matters to provisioning (config-change scenario). */
    APP_SETTINGS,
    /** The SCIM token in the app's provisioning credentials (pasted in the console or saved through an API). */
    PROVISIONING_TOKEN
  }
}
