package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL request body ({@code query}, {@code variables}) and the argument values its fields were given. An
 * argument is resolved through the query text, so {@code filters:$auditFieldFilterInput} (Cato's own CLI) and {@code
 * filters:$filters} (the project's clients) both work; literal strings and lists of ids are read too.
 */
final class GraphqlRequest {
  private final String query;
  private final JsonNode variables;
  private final GraphqlQueryText text;

  GraphqlRequest(String query, JsonNode variables) {
    this.query = query == null ? "" : query;
    this.variables = variables == null || variables.isNull() ? NullNode.getInstance() : variables;
    this.text = new GraphqlQueryText(this.query);
  }

  static Optional<GraphqlRequest> from(JsonNode body) {
    if (body == null || !body.isObject() || !body.path("query").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new GraphqlRequest(body.get("query").asText(), body.get("variables")));
  }

  /**
   * The operation's first field. Falls back to looking for names in the text, feeds before {@code events} since
   * {@code eventsFeed} contains it, when the text cannot be read.
   */
  String operationField() {
    Optional<String> top = text.topLevelField();
    if (top.isPresent()) {
      return top.get();
    }
    for (String candidate : new String[] {"auditFeed", "eventsFeed", "xdr", "events"}) {
      if (Pattern.compile("\\b" + candidate + "\\b").matcher(query).find()) {
        return candidate;
      }
    }
    return "";
  }

  Optional<String> firstChildOf(String parent) {
    Optional<String> child = text.firstChildOf(parent);
    if (child.isPresent()) {
      return child;
    }
    if (Pattern.compile("\\bstories\\b").matcher(query).find()) {
      return Optional.of("stories");
    }
    return Pattern.compile("\\bstory\\b").matcher(query).find() ? Optional.of("story") : Optional.empty();
  }

  /** The value passed for argument {@code name} anywhere in the query, or the same-named variable; null if none. */
  JsonNode argument(String name) {
    // name: $variable | "string" | [list]; the lookbehind skips variable definitions ($name:) and longer names.
    Matcher m = Pattern.compile("(?<![$\\w])" + Pattern.quote(name)
            + "\\s*:\\s*(\\$(\\w+)|\"((?:[^\"\\\\]|\\\\.)*)\"|\\[([^\\]]*)\\])")
        .matcher(query);
    if (m.find()) {
      if (m.group(2) != null) {
        JsonNode v = variables.get(m.group(2));
        return v == null || v.isNull() ? null : v;
      }
      if (m.group(3) != null) {
        return TextNode.valueOf(m.group(3));
      }
      ArrayNode list = Json.array();
      for (String item : m.group(4).split(",")) {
        String trimmed = item.trim().replace("\"", "");
        if (!trimmed.isEmpty()) {
          list.add(trimmed);
        }
      }
      return list;
    }
    JsonNode v = variables.get(name);
    return v == null || v.isNull() ? null : v;
  }

  String stringArgument(String name) {
    JsonNode v = argument(name);
    return v == null ? null : v.asText();
  }
}
