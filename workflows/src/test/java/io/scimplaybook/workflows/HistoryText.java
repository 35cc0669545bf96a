package io.scimplaybook.workflows;

import io.temporal.common.WorkflowExecutionHistory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A run's history as text with every payload decoded, so tests can search what Temporal actually stored. */
public final class HistoryText {
  static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=_-]+)\"");

  private HistoryText() {}

  /** The history's JSON, then each payload decoded. */
  public static String of(WorkflowExecutionHistory history) {
    String json = history.toJson(false);
    StringBuilder text = new StringBuilder(json);
    Matcher m = DATA.matcher(json);
    while (m.find()) {
      text.append('\n').append(decode(m.group(1)));
    }
    return text.toString();
  }

  /** The history's JSON with each payload decoded in its place: no base64 left but what the payloads hold. */
  static String decodedInPlace(WorkflowExecutionHistory history) {
    return DATA.matcher(history.toJson(false)).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1))));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
