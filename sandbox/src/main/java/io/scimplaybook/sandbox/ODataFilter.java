package io.scimplaybook.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of OData {@code $filter} that audit and provisioning log queries use, all joined by {@code and}: {@code
 * activityDateTime ge|gt|le|lt <timestamp>}, {@code <path> eq '<value>'} and {@code targetResources/any(t: t/id eq
 * '<value>')}. Anything else is ignored, which can only return more entries than Graph would, never fewer.
 */
final class ODataFilter {
  private static final Pattern TIME = Pattern.compile(
      "activityDateTime\\s+(ge|gt|le|lt|eq)\\s+'?([0-9][0-9:\\-T.Z+]*)'?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_TARGET = Pattern.compile(
      "targetResources/any\\(\\s*(\\w+)\\s*:\\s*\\1/(\\w+)\\s+eq\\s+'([^']*)'\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EQ = Pattern.compile("([A-Za-z][\\w/]*)\\s+eq\\s+'([^']*)'");

  private record Comparison(String op, Instant value) {}

  private record Equality(String path, String value) {}

  private final List<Comparison> times = new ArrayList<>();
  private final List<Equality> equalities = new ArrayList<>();
  private final List<Equality> targets = new ArrayList<>();

  static ODataFilter parse(String filter) {
    ODataFilter f = new ODataFilter();
    if (filter == null || filter.isBlank()) {
      return f;
    }
    String rest = filter;
    Matcher any = ANY_TARGET.matcher(rest);
    while (any.find()) {
      f.targets.add(new Equality(any.group(2), any.group(3)));
    }
    rest = ANY_TARGET.matcher(rest).replaceAll(" ");
    Matcher time = TIME.matcher(rest);
    while (time.find()) {
      Instant value = instant(time.group(2));
      if (value != null) {
        f.times.add(new Comparison(time.group(1).toLowerCase(), value));
      }
    }
    Matcher eq = EQ.matcher(rest);
    while (eq.find()) {
      f.equalities.add(new Equality(eq.group(1), eq.group(2)));
    }
    return f;
  }

  /**
   * @param properties the entry's values by OData path ({@code servicePrincipal/id}); a path the entry does not list
   *     is not checked
   * @param targetProperties each target resource's values by property name ({@code id}, {@code type})
   */
  boolean matches(
      Instant activityDateTime, Map<String, String> properties, List<Map<String, String>> targetProperties) {
    for (Comparison c : times) {
      int cmp = activityDateTime.compareTo(c.value());
      boolean ok = switch (c.op()) {
        case "ge" -> cmp >= 0;
        case "gt" -> cmp > 0;
        case "le" -> cmp <= 0;
        case "lt" -> cmp < 0;
        default -> cmp == 0;
      };
      if (!ok) {
        return false;
      }
    }
    for (Equality e : equalities) {
      if (properties.containsKey(e.path()) && !e.value().equalsIgnoreCase(properties.get(e.path()))) {
        return false;
      }
    }
    for (Equality e : targets) {
      boolean found = targetProperties.stream().anyMatch(t -> e.value().equalsIgnoreCase(t.get(e.path())));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static Instant instant(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
