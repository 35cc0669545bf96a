package io.scimplaybook.sandbox;

import java.util.Objects;

/**
 * The Okta org the sandbox plays (its base URL is the sandbox's): the API token the worker presents as
 * {@code Authorization: SSWS <apiToken>}, the Cato SCIM app instance and the probe user assigned to it.
 *
 * @param apiToken the only API token the org accepts; a wrong one gets 401 {@code E0000011}
 * @param appId the Cato app instance ({@code /api/v1/apps/{appId}})
 * @param probeUserId the Okta user id of the assigned probe user ({@code /api/v1/apps/{appId}/users/{userId}})
 * @param tokenAuthSupported whether the app's provisioning connection API takes a token (Okta supports it for a few
 *     integrations only); off, {@code GET .../connections/default} says {@code UNKNOWN} and a POST is refused, so
 *     installing the token is an operator task
 */
public record OktaSandbox(String apiToken, String appId, String probeUserId, boolean tokenAuthSupported) {

  public OktaSandbox {
    Objects.requireNonNull(apiToken, "apiToken");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(probeUserId, "probeUserId");
  }

  /** The demo's values; the demo worker's okta profile uses the same ones. Ids are shaped like Okta's. */
  public static OktaSandbox defaults() {
    return new OktaSandbox("sandbox-okta-api-token", "0oa1catoscim7sandbox", "00u1probeuser7sandbx", false);
  }

  public OktaSandbox withTokenAuthSupported(boolean supported) {
    return new OktaSandbox(apiToken, appId, probeUserId, supported);
  }

  /** Keeps the API token out of logs. */
  @Override
  public String toString() {
    return "OktaSandbox[appId=" + appId + ", probeUserId=" + probeUserId + ", tokenAuthSupported="
        + tokenAuthSupported + "]";
  }
}
