package io.scimplaybook.api.input;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a failure event must meet, in one place, applied at every door (the webhook refuses with 400, the
 * events-feed poller counts and logs the record and does not deliver it) and again by the run on whatever reaches it
 * (a hand-sent signal included: noted as ignored, with why). A pure function of the event and a clock reading, so
 * workflow code may call it with {@code Workflow.currentTimeMillis()}.
 *
 * <p>Each field rule takes the name the caller's sender knows the field by ({@code account_id} in the CMA template,
 * {@code accountId} elsewhere) and adds one sentence per problem.
 */
public final class EventCheck {

  /** Cato account ids are numbers (the schema's {@code accountID: ID}; every documented example is digits). */
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,20}");
  /** Source ids end up in a workflow id ({@code PlaybookIds}): plain, like the ids Temporal shows. */
  private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9_.]{1,64}");
  /** Event ids are the sender's or Cato's (UUIDs, hashes, base64): any visible ASCII, no spaces. */
  private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

  public static final int MAX_EVENT_ID = 128;
  public static final int MAX_STORY_ID = 128;
  public static final int MAX_RESOURCE_NAME = 256;
  /** A reason or Cato's event message: a sentence or a vendor's error, kept whole in the run's history. */
  public static final int MAX_TEXT = 4096;
  public static final int MAX_ORIGIN = 32;

  private EventCheck() {}

  /** @return null when the event meets every rule at {@code now}, else every problem, joined with "; " */
  public static String problem(ScimFailureEvent event, Instant now) {
    List<String> problems = problems(event, now);
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /** Every rule, with the record's own field names; empty when the event is acceptable at {@code now}. */
  public static List<String> problems(ScimFailureEvent event, Instant now) {
    List<String> problems = new ArrayList<>();
    if (event == null) {
      problems.add("the signal carried no event");
      return problems;
    }
    accountId("accountId", event.accountId(), problems);
    sourceId("sourceId", event.sourceId(), problems);
    String time = EventTimes.problem(event.time(), now);
    if (time != null) {
      problems.add(time);
    }
    reason("reason", event.reason(), problems);
    text("storyId", event.storyId(), MAX_STORY_ID, false, problems);
    text("origin", event.origin(), MAX_ORIGIN, false, problems);
    eventId("eventId", event.eventId(), problems);
    text("resourceName", event.resourceName(), MAX_RESOURCE_NAME, false, problems);
    text("eventMessage", event.eventMessage(), MAX_TEXT, true, problems);
    return problems;
  }

  /** Required: a Cato account id, digits only. */
  public static void accountId(String field, String value, List<String> problems) {
    if (value == null) {
      problems.add(field + " is required");
    } else if (!ACCOUNT_ID.matcher(value).matches()) {
      problems.add(field + " must be a Cato account id (1-20 digits), got " + quote(value));
    }
  }

  /** Optional (an event without one is attributed by the worker); when given, 1-64 letters, digits, '_' or '.'. */
  public static void sourceId(String field, String value, List<String> problems) {
    if (value != null && !SOURCE_ID.matcher(value).matches()) {
      problems.add(field + " must be 1-64 letters, digits, '_' or '.', got " + quote(value));
    }
  }

  /** Optional; when given, 1-128 visible ASCII characters (the run keeps recent ids to count a repeat once). */
  public static void eventId(String field, String value, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value.length() > MAX_EVENT_ID) {
      problems.add(field + " must be at most " + MAX_EVENT_ID + " characters, got " + value.length());
    } else if (!EVENT_ID.matcher(value).matches()) {
      problems.add(field + " must be visible ASCII characters without spaces, got " + quote(value));
    }
  }

  /** Required and not blank; line breaks and tabs are kept (vendor messages have them), other controls are not. */
  public static void reason(String field, String value, List<String> problems) {
    if (value == null) {
      problems.add(field + " is required");
    } else if (value.isBlank()) {
      problems.add(field + " must not be blank");
    } else {
      text(field, value, MAX_TEXT, true, problems);
    }
  }

  /**
   * Optional text: at most {@code max} characters, no control characters (tab, CR and LF allowed where {@code
   * multiline}) and no unpaired surrogate, which no UTF-8 sender can mean and which Jackson would write back as '?'.
   */
  public static void text(String field, String value, int max, boolean multiline, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      problems.add(field + " must be at most " + max + " characters, got " + value.length());
      return;
    }
    String bad = badCharacter(value, multiline);
    if (bad != null) {
      problems.add(field + " " + bad);
    }
  }

  /** @return what is wrong with the first bad character of {@code value}, or null */
  static String badCharacter(String value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "holds an unpaired surrogate U+" + hex(c) + " at index " + i;
      }
      if (Character.isLowSurrogate(c)) {
        return "holds an unpaired surrogate U+" + hex(c) + " at index " + i;
      }
      boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
      if (Character.isISOControl(c) && !allowedBreak) {
        return "holds a control character U+" + hex(c) + " at index " + i;
      }
    }
    return null;
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }

  /** {@code value} clipped and with control characters and surrogates escaped, safe for a log line or a status. */
  public static String printable(String value) {
    return value == null ? "(no id)" : quote(value);
  }

  /** The value as the refusal shows it: clipped, and with nothing in it that could forge a log line or a surrogate. */
  private static String quote(String value) {
    String clipped = value.length() <= 64 ? value : value.substring(0, 64) + "...";
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < clipped.length(); i++) {
      char c = clipped.charAt(i);
      out.append(c < 0x20 || c == 0x7F || Character.isSurrogate(c) ? "\\u" + hex(c) : String.valueOf(c));
    }
    return out.append("'").toString();
  }
}
