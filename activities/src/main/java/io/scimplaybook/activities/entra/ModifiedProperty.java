package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/** A property an audited change touched; Entra writes the values as (often JSON-encoded) text. */
public record ModifiedProperty(String displayName, String oldValue, String newValue) {

  static ModifiedProperty from(JsonNode node) {
    return new ModifiedProperty(
        JsonFields.text(node, "displayName"), JsonFields.text(node, "oldValue"), JsonFields.text(node, "newValue"));
  }
}
