package io.scimplaybook.api.fleet;

/** Where an incident's sources are: spread over several Cato accounts, or inside one IdP tenant. */
public enum FleetScope {
  ACROSS_ACCOUNTS,
  TENANT
}
