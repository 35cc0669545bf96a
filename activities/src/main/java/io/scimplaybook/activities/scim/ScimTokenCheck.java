package io.scimplaybook.activities.scim;

/**
 * Cato's SCIM service's answer to a token.
 *
 * @param status the HTTP status (200 accepted; 401/403 refused)
 * @param scimType RFC 7644 scimType when Cato sent one
 * @param detail RFC 7644 detail when refused; never contains the token
 */
public record ScimTokenCheck(boolean accepted, int status, String scimType, String detail) {

  public String summary() {
    if (accepted) {
      return "Cato SCIM accepted the token (" + status + ")";
    }
    return "Cato SCIM refused the token (" + status + ")"
        + (scimType == null ? "" : " " + scimType)
        + (detail == null ? "" : ": " + detail);
  }
}
