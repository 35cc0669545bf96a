package io.scimplaybook.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void replacesEverySecretAndIgnoresBlankOnes() {
    String text = "token abc123 and secret s3cr3t, again abc123";

    assertThat(Redaction.redact(text, "abc123", null, " ", "s3cr3t"))
        .isEqualTo("token [redacted] and secret [redacted], again [redacted]");
  }

  @Test
  void aSecretWithSurroundingWhitespaceIsFoundTrimmed() {
    assertThat(Redaction.redact("sent abc123.", " abc123\n")).isEqualTo("sent [redacted].");
  }

  @Test
  void shortensLongVendorText() {
    assertThat(Redaction.shorten("abcdef", 3)).isEqualTo("abc...");
    assertThat(Redaction.shorten("abc", 3)).isEqualTo("abc");
  }
}
