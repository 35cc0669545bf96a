package io.scimplaybook.activities.onelogin;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;

/**
 * What a OneLogin error body says. The /1 resource APIs answer {@code {"status": {"error": true, "code": 401, "type":
 * "Unauthorized", "message": "Authentication Failure"}}}; the OAuth token endpoint may answer RFC 6749 style
 * ({@code error}, {@code error_description}) or with a bare {@code message}. Anything else (a proxy's HTML page) gives
 * an empty text and the HTTP status has to do.
 */
record OneLoginError(String type, String message) {

  static OneLoginError parse(String body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      if (json == null || !json.isObject()) {
        return new OneLoginError(null, null);
      }
      JsonNode status = json.path("status");
      if (status.isObject()) {
        return new OneLoginError(OneLoginEvent.text(status, "type"), OneLoginEvent.text(status, "message"));
      }
      return new OneLoginError(
          OneLoginEvent.text(json, "error"),
          OneLoginEvent.firstNonBlank(OneLoginEvent.text(json, "error_description"), OneLoginEvent.text(json, "message")));
    } catch (IOException | RuntimeException notJson) {
      return new OneLoginError(null, null);
    }
  }

  /** "Unauthorized: Authentication Failure", or "" when the body said nothing readable. */
  String describe() {
    if (type == null && message == null) {
      return "";
    }
    if (type == null) {
      return message;
    }
    return message == null ? type : type + ": " + message;
  }
}
