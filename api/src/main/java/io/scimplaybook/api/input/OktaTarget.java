package io.scimplaybook.api.input;

/**
 * Where the Cato connection lives in Okta. No secret: the worker finds the org's credentials by {@code orgUrl}
 * ({@code scim-playbook.okta.orgs}).
 *
 * @param orgUrl the Okta org, e.g. {@code https://example.okta.com}
 * @param appId the Cato app's id in Okta ({@code /api/v1/apps/{appId}})
 * @param probeUserId the Okta user id of one user assigned to the app, pushed to test provisioning
 * @param probeUser that user's login, for people to read
 */
public record OktaTarget(String orgUrl, String appId, String probeUserId, String probeUser) {}
