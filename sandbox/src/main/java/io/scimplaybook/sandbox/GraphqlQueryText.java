package io.scimplaybook.sandbox;

import java.util.Optional;

/**
 * Just enough reading of a GraphQL document to route it: the first field of the operation's selection set, and the
 * first field under a given field. Aliases ({@code alias: field}), arguments, variable definitions, strings and
 * comments are skipped; nothing is validated.
 */
final class GraphqlQueryText {
  private final String text;

  GraphqlQueryText(String text) {
    this.text = text == null ? "" : text;
  }

  /** The first top-level field of the first operation, e.g. {@code events} or {@code xdr}. */
  Optional<String> topLevelField() {
    int open = findSelectionStart(0);
    return open < 0 ? Optional.empty() : fieldAt(open + 1).map(FieldRef::name);
  }

  /** The first field in the selection set of the top-level {@code parent}, e.g. {@code stories} under {@code xdr}. */
  Optional<String> firstChildOf(String parent) {
    int open = findSelectionStart(0);
    if (open < 0) {
      return Optional.empty();
    }
    Optional<FieldRef> top = fieldAt(open + 1);
    if (top.isEmpty() || !top.get().name().equals(parent)) {
      return Optional.empty();
    }
    int childOpen = findSelectionStart(top.get().end());
    return childOpen < 0 ? Optional.empty() : fieldAt(childOpen + 1).map(FieldRef::name);
  }

  private record FieldRef(String name, int end) {}

  /** The next '{' outside parentheses, strings and comments, at or after {@code from}. */
  private int findSelectionStart(int from) {
    int parens = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#') {
        i = skipComment(i);
      } else if (c == '"') {
        i = skipString(i);
      } else if (c == '(') {
        parens++;
      } else if (c == ')') {
        parens--;
      } else if (c == '{' && parens == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Reads the field (after an optional alias) starting at or after {@code from}. */
  private Optional<FieldRef> fieldAt(int from) {
    int i = skipIgnored(from);
    int nameEnd = readName(i);
    if (nameEnd == i) {
      return Optional.empty();
    }
    String name = text.substring(i, nameEnd);
    int after = skipIgnored(nameEnd);
    if (after < text.length() && text.charAt(after) == ':') {
      int real = skipIgnored(after + 1);
      int realEnd = readName(real);
      if (realEnd == real) {
        return Optional.empty();
      }
      return Optional.of(new FieldRef(text.substring(real, realEnd), realEnd));
    }
    return Optional.of(new FieldRef(name, nameEnd));
  }

  private int readName(int i) {
    int j = i;
    while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
      j++;
    }
    return j;
  }

  private int skipIgnored(int i) {
    int j = i;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (c == '#') {
        j = skipComment(j) + 1;
      } else if (Character.isWhitespace(c) || c == ',') {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  private int skipComment(int i) {
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl;
  }

  private int skipString(int i) {
    if (text.startsWith("\"\"\"", i)) {
      int end = text.indexOf("\"\"\"", i + 3);
      return end < 0 ? text.length() : end + 2;
    }
    for (int j = i + 1; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '"') {
        return j;
      }
    }
    return text.length();
  }
}
