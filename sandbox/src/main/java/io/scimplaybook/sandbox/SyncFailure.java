package io.scimplaybook.sandbox;

/**
 * Why a push from Entra to Cato fails, in each vendor's words: Cato's event {@code failure_reason}, and Entra's error
 * code and reason in provisioning steps and logs.
 */
enum SyncFailure {
  INVALID_CREDENTIALS(
      "Invalid credentials: the bearer token presented by the identity provider was rejected (HTTP 401)",
      "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable",
      "invalid credentials: the SCIM endpoint rejected the saved SecretToken with HTTP 401 Unauthorized. "
          + "Generate a new secret token in the target application and update the admin credentials.",
      "NonServiceFailure"),
  ENDPOINT_ERROR(
      "SCIM request failed with HTTP 500 Internal Server Error",
      "SystemForCrossDomainIdentityManagementBadResponse",
      "SCIM endpoint returned 500 Internal Server Error for the request to update the user.",
      "NonServiceFailure"),
  SERVICE_UNAVAILABLE(
      "SCIM request failed with HTTP 503 Service Unavailable",
      "SystemForCrossDomainIdentityManagementBadResponse",
      "SCIM endpoint returned 503 Service Unavailable for the request to update the user.",
      "Transient");

  private final String catoReason;
  private final String entraErrorCode;
  private final String entraReason;
  private final String entraErrorCategory;

  SyncFailure(String catoReason, String entraErrorCode, String entraReason, String entraErrorCategory) {
    this.catoReason = catoReason;
    this.entraErrorCode = entraErrorCode;
    this.entraReason = entraReason;
    this.entraErrorCategory = entraErrorCategory;
  }

  String catoReason() {
    return catoReason;
  }

  String entraErrorCode() {
    return entraErrorCode;
  }

  String entraReason() {
    return entraReason;
  }

  String entraErrorCategory() {
    return entraErrorCategory;
  }
}
