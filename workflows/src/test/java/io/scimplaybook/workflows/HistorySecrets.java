package io.scimplaybook.workflows;

import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never be in a recorded history, looked for in its text with every payload decoded: the credentials the
 * sandbox and the fakes use, whatever secrets the recording run itself made (the tokens it generated, its seal key),
 * and anything shaped like a token that is not a sealed token's ciphertext. Findings name the secret, never its value.
 */
public final class HistorySecrets {
  /**
   * Fixed secrets of the recording worlds: the sandbox's API key and client secret (its {@code SandboxConfig.defaults},
   * repeated here because the workflows module does not depend on the sandbox) and the fake token of the hand-recorded
   * v2 history.
   */
  static final Map<String, String> KNOWN = Map.of(
      "the sandbox's Cato API key", "sandbox-cato-api-key",
      "the sandbox's Entra client secret", "sandbox-entra-client-secret",
      "the fake rotated token of HistoryRecorder", "recorded-run-token");

  /** A sealed token's ciphertext: the one random-looking value a history may hold (it needs the worker's key). */
  private static final Pattern CIPHERTEXT = Pattern.compile("\"ciphertext\"\\s*:\\s*\"[A-Za-z0-9+/=]*\"");
  /**
   * A run of base64url characters as long as a token (the sandbox's CMA tokens are 43, its Graph tokens 64, a JWT's
   * parts longer). Ids in histories are hex, UUIDs or words, so {@link #looksRandom} tells a token from them.
   */
  private static final Pattern TOKEN_LENGTH_RUN = Pattern.compile("[A-Za-z0-9_-]{32,}");

  private HistorySecrets() {}

  /** The names of the known secrets and of {@code alsoSecret}'s (name to value) found, and any token-shaped text. */
  public static List<String> findIn(WorkflowExecutionHistory history, Map<String, String> alsoSecret) {
    String decoded = HistoryText.decodedInPlace(history);
    List<String> found = findIn(decoded, alsoSecret);
    found.addAll(tokenShaped(decoded));
    return found;
  }

  static List<String> findIn(String decoded, Map<String, String> alsoSecret) {
    Map<String, String> secrets = new LinkedHashMap<>(KNOWN);
    secrets.putAll(alsoSecret);
    List<String> found = new ArrayList<>();
    secrets.forEach((name, value) -> {
      if (value != null && !value.isEmpty() && decoded.contains(value)) {
        found.add(name);
      }
    });
    return found;
  }

  /** Where token-shaped text stands outside a sealed token's ciphertext, by offset and length. */
  static List<String> tokenShaped(String decoded) {
    String text = CIPHERTEXT.matcher(decoded).replaceAll("\"ciphertext\":\"\"");
    List<String> found = new ArrayList<>();
    Matcher m = TOKEN_LENGTH_RUN.matcher(text);
    while (m.find()) {
      if (looksRandom(m.group())) {
        found.add("a token-shaped value of " + m.group().length() + " characters at offset " + m.start());
      }
    }
    return found;
  }

  /** Mixed case and digits throughout, as random base64 is; a timestamped file name or a word is not. */
  private static boolean looksRandom(String run) {
    return run.chars().filter(Character::isUpperCase).count() >= 4
        && run.chars().filter(Character::isLowerCase).count() >= 4
        && run.chars().filter(Character::isDigit).count() >= 1;
  }
}
