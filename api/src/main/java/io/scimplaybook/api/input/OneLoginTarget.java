package io.scimplaybook.api.input;

/**
 * Where the Cato connection lives in OneLogin. No secret: the worker finds the account's API credentials by
 * {@code apiUrl} ({@code scim-playbook.onelogin.accounts}).
 *
 * @param apiUrl the account's API host, e.g. {@code https://example.onelogin.com}
 * @param appId the Cato app's id in OneLogin (events carry it as {@code app_id})
 * @param probeUserId the OneLogin user id of one user assigned to the app
 * @param probeUser that user's login, for people to read
 */
public record OneLoginTarget(String apiUrl, String appId, String probeUserId, String probeUser) {}
