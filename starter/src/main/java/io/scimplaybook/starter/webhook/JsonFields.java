package io.scimplaybook.starter.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Field checks shared by both webhook body formats; each adds a sentence naming the field to {@code problems}. */
final class JsonFields {

  private JsonFields() {}

  static void refuseUnknown(JsonNode root, List<String> accepted, List<String> problems) {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!accepted.contains(name)) {
        unknown.add("'" + clip(name) + "'");
      }
    }
    if (!unknown.isEmpty()) {
      problems.add((unknown.size() == 1 ? "unknown field " : "unknown fields ") + String.join(", ", unknown)
          + " (accepted: " + String.join(", ", accepted) + ")");
    }
  }

  static String requiredText(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      problems.add(field + " is required");
      return null;
    }
    if (!node.isTextual()) {
      problems.add(field + " must be a string, got a JSON " + type(node));
      return null;
    }
    return node.textValue();
  }

  /** Senders that fill templates send "" for "no value"; that is the same as leaving the field out. */
  static String optionalText(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(field + " must be a string when given, got a JSON " + type(node));
      return null;
    }
    return node.textValue().isBlank() ? null : node.textValue().strip();
  }

  static String type(JsonNode node) {
    return node.getNodeType().toString().toLowerCase();
  }

  static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
