package io.scimplaybook.activities.okta;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The app's provisioning connection ({@code GET /api/v1/apps/{appId}/connections/default}). Okta's documented answers
 * put {@code authScheme} at the top (token examples) or only in {@code profile} (the OAuth example), and list the
 * allowed methods in {@code _links.self.hints.allow}.
 *
 * @param postAllowed false only when the hints are present and leave POST out
 */
record ProvisioningConnection(String authScheme, String status, String baseUrl, boolean postAllowed) {

  static ProvisioningConnection from(JsonNode node) {
    String scheme = OktaFields.firstNonBlank(
        OktaFields.text(node, "authScheme"), OktaFields.text(OktaFields.field(node, "profile"), "authScheme"));
    JsonNode allow = OktaFields.field(
        OktaFields.field(OktaFields.field(OktaFields.field(node, "_links"), "self"), "hints"), "allow");
    boolean post = true;
    if (allow.isArray()) {
      post = false;
      for (JsonNode method : allow) {
        post |= "POST".equalsIgnoreCase(method.asText());
      }
    }
    return new ProvisioningConnection(scheme, OktaFields.text(node, "status"), OktaFields.text(node, "baseUrl"), post);
  }

  /** Token auth that we may POST: the only connection the worker can install Cato's token into. */
  boolean acceptsToken() {
    return "TOKEN".equalsIgnoreCase(authScheme) && postAllowed;
  }

  String describe() {
    return "auth scheme " + (authScheme == null ? "(not given)" : authScheme)
        + ", status " + (status == null ? "(not given)" : status)
        + (postAllowed ? "" : ", POST not allowed");
  }
}
