package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The System Log's {@code filter} parameter: Okta's SCIM-style expressions over a LogEvent's attributes, e.g.
 * {@code eventType eq "application.provision.user.push_profile" and target.id eq "0oa..."} or
 * {@code (eventType sw "application.integration" or outcome.result eq "FAILURE")}. Operators {@code eq}, {@code ne},
 * {@code sw}, {@code co}, {@code pr}; {@code and}, {@code or}, {@code not} and parentheses. An attribute is a dotted path
 * into the event; through a list (e.g. {@code target}) it matches when any element does. An attribute the event does
 * not have matches nothing. Text that does not parse is a {@link IllegalArgumentException} (Okta answers 400).
 */
final class OktaFilter {
  private final List<String> tokens;
  private int next;

  private OktaFilter(List<String> tokens) {
    this.tokens = tokens;
  }

  /** The filter as a predicate; null or blank text matches every event. */
  static Predicate<JsonNode> parse(String text) {
    if (text == null || text.isBlank()) {
      return event -> true;
    }
    OktaFilter parser = new OktaFilter(tokenize(text));
    Predicate<JsonNode> predicate = parser.or();
    if (parser.next != parser.tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.next) + "'");
    }
    return predicate;
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = and();
    while (peekWord("or")) {
      next++;
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = unary();
    while (peekWord("and")) {
      next++;
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<JsonNode> unary() {
    if (peekWord("not")) {
      next++;
      return unary().negate();
    }
    if ("(".equals(peek())) {
      next++;
      Predicate<JsonNode> inner = or();
      expect(")");
      return inner;
    }
    String attribute = take("an attribute");
    if (attribute.startsWith("\"") || attribute.equals(")")) {
      throw new IllegalArgumentException("expected an attribute, got " + attribute);
    }
    String operator = take("an operator").toLowerCase(Locale.ROOT);
    if (operator.equals("pr")) {
      return event -> values(event, attribute).stream().anyMatch(v -> !v.isNull());
    }
    String literal = take("a value");
    String value = literal.startsWith("\"") ? unquote(literal) : literal;
    Predicate<String> test = switch (operator) {
      case "eq" -> value::equals;
      case "ne" -> v -> !value.equals(v);
      case "sw" -> v -> v.startsWith(value);
      case "co" -> v -> v.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
      default -> throw new IllegalArgumentException("unknown operator '" + operator + "'");
    };
    return event -> values(event, attribute).stream().filter(v -> !v.isNull() && !v.isContainerNode())
        .anyMatch(v -> test.test(v.asText()));
  }

  /** Every value at the dotted path, stepping into each element of a list on the way. */
  private static List<JsonNode> values(JsonNode event, String path) {
    List<JsonNode> current = List.of(event);
    for (String field : path.split("\\.")) {
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode node : current) {
        if (node.isArray()) {
          node.forEach(element -> addField(found, element, field));
        } else {
          addField(found, node, field);
        }
      }
      current = found;
    }
    List<JsonNode> flat = new ArrayList<>();
    for (JsonNode node : current) {
      if (node.isArray()) {
        node.forEach(flat::add);
      } else {
        flat.add(node);
      }
    }
    return flat;
  }

  private static void addField(List<JsonNode> found, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null) {
      found.add(value);
    }
  }

  private boolean peekWord(String word) {
    String token = peek();
    return token != null && token.equalsIgnoreCase(word);
  }

  private String peek() {
    return next < tokens.size() ? tokens.get(next) : null;
  }

  private String take(String what) {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("expected " + what + " at the end of the filter");
    }
    return tokens.get(next++);
  }

  private void expect(String token) {
    if (!token.equals(take("'" + token + "'"))) {
      throw new IllegalArgumentException("expected '" + token + "'");
    }
  }

  private static String unquote(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length() - 1) {
        c = literal.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int start = i++;
        while (i < text.length() && text.charAt(i) != '"') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        if (i >= text.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        out.add(text.substring(start, ++i));
      } else {
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()\"".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        out.add(text.substring(start, i));
      }
    }
    return out;
  }
}
