package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cato's field filters ({@code {fieldName, operator, values}}) applied to a record's fieldsMap. Events and the events
 * feed name the field directly; the audit feed wraps it ({@code fieldName: {AuditFieldName: "model_type"}}). Only the
 * equality operators are evaluated; range and existence operators match everything, which can only widen a result.
 */
final class FieldFilters {
  private final List<Condition> conditions;

  private record Condition(String field, String operator, List<String> values) {}

  private FieldFilters(List<Condition> conditions) {
    this.conditions = conditions;
  }

  /** Accepts a list of filters, one filter object, or null (no filtering). */
  static FieldFilters from(JsonNode filters) {
    List<Condition> out = new ArrayList<>();
    if (filters == null || filters.isNull()) {
      return new FieldFilters(out);
    }
    if (filters.isArray()) {
      filters.forEach(f -> add(out, f));
    } else {
      add(out, filters);
    }
    return new FieldFilters(out);
  }

  private static void add(List<Condition> out, JsonNode filter) {
    JsonNode name = filter.get("fieldName");
    String field = null;
    if (name != null && name.isTextual()) {
      field = name.asText();
    } else if (name != null && name.isObject()) {
      field = Json.text(name, "AuditFieldName");
    } else if (filter.has("fieldNameInput")) {
      // Cato's own audit-feed guide writes fieldNameInput; the schema says fieldName. Accept both.
      field = Json.text(filter.get("fieldNameInput"), "AuditFieldName");
    }
    String operator = Json.text(filter, "operator");
    if (field == null || operator == null) {
      return;
    }
    List<String> values = new ArrayList<>();
    JsonNode vals = filter.get("values");
    if (vals != null && vals.isArray()) {
      vals.forEach(v -> values.add(v.asText()));
    } else if (vals != null && !vals.isNull()) {
      values.add(vals.asText());
    }
    out.add(new Condition(field, operator, values));
  }

  boolean matches(Map<String, String> fields) {
    for (Condition c : conditions) {
      String actual = fields.get(c.field());
      boolean inValues = actual != null && c.values().stream().anyMatch(v -> v.equalsIgnoreCase(actual));
      boolean ok = switch (c.operator()) {
        case "is", "in" -> inValues;
        case "is_not", "not_in" -> !inValues;
        default -> true;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
