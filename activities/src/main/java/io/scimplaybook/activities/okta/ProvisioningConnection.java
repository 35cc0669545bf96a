package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
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
    String scheme = JsonFields.firstNonBlank(
        JsonFields.text(node, "authScheme"), JsonFields.text(JsonFields.field(node, "profile"), "authScheme"));
    JsonNode allow = JsonFields.field(
        JsonFields.field(JsonFields.field(JsonFields.field(node, "_links"), "self"), "hints"), "allow");
    boolean post = true;
    if (allow.isArray()) {
      post = false;
      for (JsonNode method : allow) {
        post |= "POST".equalsIgnoreCase(method.asText());
      }
    }
    return new ProvisioningConnection(scheme, JsonFields.text(node, "status"), JsonFields.text(node, "baseUrl"), post);
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
