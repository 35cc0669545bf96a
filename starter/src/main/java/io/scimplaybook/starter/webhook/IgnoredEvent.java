package io.scimplaybook.starter.webhook;

/**
 * The webhook's 202 body for a well-formed Cato event that is not SCIM Provisioning / Failed: acknowledged so the
 * CMA does not retry it, and nothing started.
 */
public record IgnoredEvent(String ignored) {}
