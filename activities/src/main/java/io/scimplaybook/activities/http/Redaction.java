package io.scimplaybook.activities.http;

/**
 * Removes credentials from text that leaves a client (exception messages, log lines). Vendors sometimes echo request
 * values in their error messages; this is the last line of defence, not a licence to put secrets near messages.
 */
public final class Redaction {
  public static final String MARK = "[redacted]";

  private Redaction() {}

  /** The text with every non-blank secret replaced by {@link #MARK}. */
  public static String redact(String text, String... secrets) {
    if (text == null || secrets == null) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isBlank()) {
        out = out.replace(secret, MARK);
        String trimmed = secret.strip();
        if (!trimmed.equals(secret)) {
          out = out.replace(trimmed, MARK);
        }
      }
    }
    return out;
  }

  /** Vendor messages can be pages long; history and tickets need the first part only. */
  public static String shorten(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max) + "...";
  }
}
