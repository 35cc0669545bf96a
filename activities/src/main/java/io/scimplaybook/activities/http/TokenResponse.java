package io.scimplaybook.activities.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import java.io.IOException;

/** Reading an OAuth token endpoint's successful answer, the part every vendor's token request shares. */
public final class TokenResponse {
  private TokenResponse() {}

  /**
   * The answer as a JSON object. A 200 that is not one (cut short, or a proxy's page) is worth another try. Jackson's
   * own message is never used: it quotes the body, which may hold part of an access token.
   */
  public static JsonNode object(String api, String body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      if (json != null && json.isObject()) {
        return json;
      }
    } catch (IOException notJson) {
      // fall through to the failure below
    }
    throw new ApiCallException(api, 200, Kind.UNAVAILABLE, "the token response is not a JSON object");
  }

  /** {@code expires_in} in seconds, as a number or a numeric string; 0 (use once, never cache) when unreadable. */
  public static long expiresIn(JsonNode json) {
    JsonNode value = json.path("expires_in");
    if (value.canConvertToLong()) {
      return Math.max(0, value.asLong());
    }
    try {
      return Math.max(0, Long.parseLong(value.asText().strip()));
    } catch (NumberFormatException unknown) {
      return 0;
    }
  }
}
