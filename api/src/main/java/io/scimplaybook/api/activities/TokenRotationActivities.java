package io.scimplaybook.api.activities;

import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.SealedToken;
import io.temporal.activity.ActivityInterface;

/** The only activities that open a sealed token; they never return or log it. */
@ActivityInterface
public interface TokenRotationActivities {
  /** Does Cato's SCIM service accept the token ({@code GET .../Users?count=1})? */
  TokenCheck checkTokenAtCato(SourceProfile source, SealedToken token);

  /** The IdP's test connection with the new token (Entra validateCredentials). */
  TokenCheck testTokenAtIdp(SourceProfile source, SealedToken token);

  /** Saves the token as the IdP's credentials for the Cato app (Entra PUT .../synchronization/secrets). */
  void saveTokenAtIdp(SourceProfile source, SealedToken token);
}
