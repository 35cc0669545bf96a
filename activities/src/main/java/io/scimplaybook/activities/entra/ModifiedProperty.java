package io.scimplaybook.activities.entra;

import com.fasterxml.jackson.databind.JsonNode;

/** A property an audited change touched; Entra writes the values as (often JSON-encoded) text. */
public record ModifiedProperty(String displayName, String oldValue, String newValue) {

  static ModifiedProperty from(JsonNode node) {
    return new ModifiedProperty(
        Nodes.text(node, "displayName"), Nodes.text(node, "oldValue"), Nodes.text(node, "newValue"));
  }
}
