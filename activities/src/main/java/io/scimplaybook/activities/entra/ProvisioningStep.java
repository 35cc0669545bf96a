package io.scimplaybook.activities.entra;

import io.scimplaybook.activities.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a provisioning attempt (import, matching, scoping, export).
 *
 * @param status Success, Skipped, Warning or Failure (provisioning logs write them in lower case)
 * @param details the step's free-form details, values as text
 */
public record ProvisioningStep(String name, String type, String status, String description, Map<String, String> details) {

  public ProvisioningStep {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public boolean failed() {
    return "failure".equalsIgnoreCase(status);
  }

  /** A detail by name ignoring case: the same key is spelled {@code errorCode} and {@code ErrorCode} across payloads. */
  public String detail(String... names) {
    for (String name : names) {
      for (Map.Entry<String, String> entry : details.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null && !entry.getValue().isBlank()) {
          return entry.getValue();
        }
      }
    }
    return null;
  }

  static ProvisioningStep from(JsonNode node) {
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode detailNode = Nodes.embedded(JsonFields.field(node, "details"));
    if (detailNode.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = detailNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isNull()) {
          details.put(entry.getKey(), entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString());
        }
      }
    }
    return new ProvisioningStep(
        JsonFields.text(node, "name"),
        JsonFields.text(node, "type", "provisioningStepType"),
        JsonFields.text(node, "status"),
        JsonFields.text(node, "description"),
        details);
  }
}
