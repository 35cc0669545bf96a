package io.scimplaybook.activities.entra;

/**
 * Entra's test connection answer for a candidate SCIM endpoint and token.
 *
 * @param valid Graph answered 2xx (documented: 204)
 * @param errorCode Graph's error.code when Entra could not connect with the credentials
 * @param message Graph's error.message, never containing the tested token
 */
public record CredentialValidation(boolean valid, int status, String errorCode, String message, String requestId) {

  public String summary() {
    if (valid) {
      return "Entra test connection succeeded";
    }
    GraphError error = new GraphError(errorCode, message, requestId);
    String described = error.describe();
    return "Entra test connection failed (" + status + ")" + (described.isEmpty() ? "" : ": " + described);
  }
}
