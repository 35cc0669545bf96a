package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No recorded history holds a secret: not the sandbox's or the fakes' credentials, and nothing token-shaped outside a
 * sealed token's ciphertext. The recorder checks the exact tokens of its own run as well (HistoryRecording).
 */
class RecordedHistoriesCarryNoSecretTest {
  /** Shaped like the sandbox's CMA tokens (32 random bytes, base64url); fixed so the test cannot flake. */
  private static final String TOKEN_SHAPED = "q3Zt9Lw_Xk2bR7nVfY0aPjE-4sHcMd8uGiT1oKe6WyA";
  /** Shaped like TokenSeal's ciphertext (standard base64 of nonce, ciphertext and tag). */
  private static final String CIPHERTEXT = "nKXKObRMQeAouUY62O0OJLRWD7ds/8I57THz4yH3kpE9KDxenA22QT3MY4yc+w==";

  /** File names, so a report names the recording that failed. */
  static Stream<String> recordings() {
    return HistoryFolder.files(HistoryFolder.onClasspath()).stream().map(f -> f.getFileName().toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordings")
  void holdsNoSecret(String file) {
    assertThat(HistorySecrets.findIn(HistoryFolder.read(HistoryFolder.onClasspath().resolve(file)), Map.of()))
        .isEmpty();
  }

  @Test
  void aKnownSecretInAPayloadIsFound() throws Exception {
    assertThat(HistorySecrets.findIn(withFirstPayload("\"approved with sandbox-cato-api-key\""), Map.of()))
        .containsExactly("the sandbox's Cato API key");
  }

  @Test
  void aTokenShapedValueOutsideACiphertextIsFoundButTheCiphertextIsNot() throws Exception {
    assertThat(HistorySecrets.findIn(withFirstPayload("{\"note\":\"" + TOKEN_SHAPED + "\"}"), Map.of()))
        .singleElement().asString().startsWith("a token-shaped value of 43 characters");
    assertThat(HistorySecrets.findIn(
        withFirstPayload("{\"keyId\":\"k1\",\"ciphertext\":\"" + CIPHERTEXT + "\"}"), Map.of())).isEmpty();
  }

  @Test
  void theRecordingRunsOwnSecretsAreFoundByName() throws Exception {
    assertThat(HistorySecrets.findIn(withFirstPayload("\"seal key is abc-123-xyz\""),
        Map.of("the recording worker's seal key", "abc-123-xyz"))).containsExactly("the recording worker's seal key");
  }

  /** The token-mismatch recording with its first payload replaced (base64 padding as the file writes it). */
  private static WorkflowExecutionHistory withFirstPayload(String payloadJson) throws Exception {
    String json = Files.readString(HistoryFolder.onClasspath().resolve("playbook-v2-token-mismatch.json"));
    Matcher data = HistoryText.DATA.matcher(json);
    assertThat(data.find()).isTrue();
    String base64 = Base64.getEncoder().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        .replace("=", "\\u003d");
    return WorkflowExecutionHistory.fromJson(
        json.substring(0, data.start(1)) + base64 + json.substring(data.end(1)));
  }
}
