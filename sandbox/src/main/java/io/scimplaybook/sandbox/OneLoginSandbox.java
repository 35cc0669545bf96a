package io.scimplaybook.sandbox;

import java.util.Objects;

/**
 * The OneLogin account the sandbox plays: the API credential pair the worker exchanges for a bearer token, the Cato
 * SCIM app and the probe user assigned to it. OneLogin ids are integers.
 *
 * @param clientId the API credential's client id
 * @param clientSecret its secret
 * @param accountId OneLogin's account id (in token answers and events)
 * @param appId the Cato SCIM app's id
 * @param probeUserId the probe user's id
 */
public record OneLoginSandbox(String clientId, String clientSecret, long accountId, long appId, long probeUserId) {

  public OneLoginSandbox {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  /** The demo's values; the demo worker's onelogin profile uses the same ones. */
  public static OneLoginSandbox defaults() {
    return new OneLoginSandbox("sandbox-onelogin-client-id", "sandbox-onelogin-client-secret", 77001, 1450123,
        58220017);
  }

  /** Keeps the client secret out of logs. */
  @Override
  public String toString() {
    return "OneLoginSandbox[clientId=" + clientId + ", accountId=" + accountId + ", appId=" + appId
        + ", probeUserId=" + probeUserId + "]";
  }
}
