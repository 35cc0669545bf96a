package io.scimplaybook.workflows;

import io.temporal.common.WorkflowExecutionHistory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A run's history as text with every payload decoded, so tests can search what Temporal actually stored. */
public final class HistoryText {
  private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=_-]+)\"");

  private HistoryText() {}

  public static String of(WorkflowExecutionHistory history) {
    String json = history.toJson(false);
    StringBuilder text = new StringBuilder(json);
    Matcher m = DATA.matcher(json);
    while (m.find()) {
      text.append('\n').append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
