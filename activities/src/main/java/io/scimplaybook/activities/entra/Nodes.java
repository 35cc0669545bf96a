package io.scimplaybook.activities.entra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.scimplaybook.activities.http.Json;

/**
 * Graph's JSON nested inside strings, read tolerantly; plain field reads are {@link
 * io.scimplaybook.activities.http.JsonFields}, shared with the other vendors' clients.
 */
final class Nodes {
  private Nodes() {}

  /** A node that may be JSON serialized into a string (provisionOnDemand's {@code key} and {@code value}). */
  static JsonNode embedded(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return MissingNode.getInstance();
    }
    if (!node.isTextual()) {
      return node;
    }
    try {
      JsonNode parsed = Json.mapper().readTree(node.asText());
      return parsed == null ? MissingNode.getInstance() : parsed;
    } catch (JsonProcessingException notJson) {
      return MissingNode.getInstance();
    }
  }
}
