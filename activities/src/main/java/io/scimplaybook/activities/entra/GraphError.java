package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.Json;
import java.io.IOException;

/**
 * Graph's error body ({@code {"error":{"code","message","innerError":{"request-id"}}}}). The request id is what
 * Microsoft support asks for, so it travels into the message; the response header is used when the body lacks it.
 */
record GraphError(String code, String message, String requestId) {

  static GraphError parse(String body, String requestIdHeader) {
    String code = null;
    String message = null;
    String requestId = null;
    try {
      JsonNode error = JsonFields.field(Json.mapper().readTree(body), "error");
      code = JsonFields.text(error, "code");
      message = JsonFields.text(error, "message");
      requestId = JsonFields.text(JsonFields.field(error, "innerError"), "request-id", "requestId");
    } catch (IOException | RuntimeException notJson) {
      // not Graph's shape (a gateway page): keep the status only
    }
    if (requestId == null) {
      requestId = requestIdHeader;
    }
    return new GraphError(code, message, requestId);
  }

  /** "{code}: {message} (request-id {id})", leaving out the parts Graph did not send. */
  String describe() {
    StringBuilder out = new StringBuilder();
    if (code != null) {
      out.append(code);
    }
    if (message != null) {
      out.append(out.length() > 0 ? ": " : "").append(message.strip());
    }
    if (requestId != null && !requestId.isBlank()) {
      out.append(out.length() > 0 ? " " : "").append("(request-id ").append(requestId).append(')');
    }
    return out.toString();
  }
}
