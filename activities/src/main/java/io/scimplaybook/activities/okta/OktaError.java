package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;

/**
 * Okta's error body ({@code {"errorCode":"E0000011","errorSummary":"...","errorId":"...","errorCauses":[...]}}). The
 * error id is what Okta support asks for; the first cause's summary says which field a 400 refused.
 */
record OktaError(String code, String summary, String cause, String errorId) {

  static OktaError parse(String body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      String cause = null;
      JsonNode causes = JsonFields.field(json, "errorCauses");
      if (causes.isArray() && !causes.isEmpty()) {
        cause = JsonFields.text(causes.get(0), "errorSummary");
      }
      return new OktaError(
          JsonFields.text(json, "errorCode"), JsonFields.text(json, "errorSummary"), cause,
          JsonFields.text(json, "errorId"));
    } catch (IOException | RuntimeException notJson) {
      // a gateway's HTML page: the status alone has to do
      return new OktaError(null, null, null, null);
    }
  }

  /** "E0000011 Invalid token provided (errorId abc)", leaving out what Okta did not send. */
  String describe() {
    StringBuilder out = new StringBuilder();
    if (code != null) {
      out.append(code);
    }
    if (summary != null) {
      out.append(out.length() > 0 ? " " : "").append(summary.strip());
    }
    if (cause != null) {
      out.append(out.length() > 0 ? ": " : "").append(cause.strip());
    }
    if (errorId != null) {
      out.append(out.length() > 0 ? " " : "").append("(errorId ").append(errorId).append(')');
    }
    return out.toString();
  }
}
