package io.scimplaybook.api.fleet;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes failures of different sources comparable: Cato's failure reason (or event message) in lower case with what
 * differs per source or per attempt stripped: timestamps, UUIDs and other ids, numbers, quoted values.
 */
public final class ReasonKey {
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}([t ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@'\"]+@[^\\s@'\"]+");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** A word holding a digit: numbers, hex ids, request ids, "job.1a2b". */
  private static final Pattern WITH_DIGIT = Pattern.compile("[\\w.:/-]*\\d[\\w.:/-]*");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z]+");
  private static final int MAX_LENGTH = 120;

  /** Words of a key that say the IdP's token was refused: each SCIM source has its own token. */
  private static final Pattern CREDENTIAL_REFUSED =
      Pattern.compile("\\b(invalid credentials?|unauthori[sz]ed|bearer token|invalid token|token (was )?(rejected|expired))\\b");

  private ReasonKey() {}

  /**
   * Whether a key names a refused SCIM token. Every source has its own token, and tokens made together expire
   * together, so many sources of one IdP tenant refusing theirs at once are as likely many real token problems as one
   * outage: such a key makes an incident only across Cato accounts, never within one tenant.
   */
  public static boolean namesRefusedToken(String key) {
    return key != null && CREDENTIAL_REFUSED.matcher(key).find();
  }

  public static String of(String reason) {
    if (reason == null || reason.isBlank()) {
      return "(no reason given)";
    }
    String s = reason.toLowerCase(Locale.ROOT);
    s = TIMESTAMP.matcher(s).replaceAll(" ");
    s = UUID.matcher(s).replaceAll(" ");
    s = EMAIL.matcher(s).replaceAll(" ");
    s = QUOTED.matcher(s).replaceAll(" ");
    s = WITH_DIGIT.matcher(s).replaceAll(" ");
    s = NOT_WORD.matcher(s).replaceAll(" ").trim();
    if (s.isEmpty()) {
      return "(no words in the reason)";
    }
    return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH).trim() : s;
  }
}
