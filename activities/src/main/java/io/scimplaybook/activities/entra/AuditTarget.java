package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A directory object an audited activity acted on. */
public record AuditTarget(String id, String displayName, String type, List<ModifiedProperty> modifiedProperties) {

  public AuditTarget {
    modifiedProperties = modifiedProperties == null ? List.of() : List.copyOf(modifiedProperties);
  }

  static AuditTarget from(JsonNode node) {
    List<ModifiedProperty> properties = new ArrayList<>();
    JsonNode list = JsonFields.field(node, "modifiedProperties");
    if (list.isArray()) {
      list.forEach(p -> properties.add(ModifiedProperty.from(p)));
    }
    // Microsoft's example spells the type "Type"; Nodes.text falls back to any casing.
    return new AuditTarget(
        JsonFields.text(node, "id"), JsonFields.text(node, "displayName"), JsonFields.text(node, "type"), properties);
  }
}
