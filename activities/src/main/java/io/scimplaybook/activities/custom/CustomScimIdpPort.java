package io.scimplaybook.activities.custom;

import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;

/**
 * A custom SCIM app: Cato documents no IdP behind it, so every IdP step is an operator task. The run still checks
 * everything on Cato's side (events, stories, the audit trail, the new token at Cato's SCIM endpoint), which needs no
 * port. Registered on every worker, so a custom source never reads as "missing credentials".
 */
public class CustomScimIdpPort implements IdpPort {

  @Override
  public Idp idp() {
    return Idp.CUSTOM;
  }

  @Override
  public IdpSupport support(SourceProfile source) {
    return IdpSupport.none("custom SCIM app: the IdP behind it is unknown to the worker, so provisioning, token install "
        + "and the scheduled sync are done in its own console and checked against Cato's events");
  }
}
