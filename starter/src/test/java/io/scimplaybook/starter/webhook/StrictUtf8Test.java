package io.scimplaybook.starter.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where the decoder stops, on the byte sequences a lenient decoder let through; the HTTP answer is in the webhook test. */
class StrictUtf8Test {

  @Test
  void wellFormedUtf8PassesWhateverItsLength() {
    byte[] text = "{\"reason\":\"Échec de provisionnement 🙁 ✓\"}".repeat(500).getBytes(StandardCharsets.UTF_8);
    assertThatCode(() -> StrictUtf8.check(text)).doesNotThrowAnyException();
  }

  @Test
  void aSequenceCutShortAtTheEndOfTheBodyIsRefused() {
    assertThatThrownBy(() -> StrictUtf8.check(new byte[] {'{', (byte) 0xF0, (byte) 0x9F, (byte) 0x99}))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("the body is not valid UTF-8 at byte 1");
  }

  @Test
  void aStrayContinuationByteIsRefusedAtItsOffset() {
    assertThatThrownBy(() -> StrictUtf8.check(new byte[] {'a', 'b', (byte) 0x80}))
        .hasMessageStartingWith("the body is not valid UTF-8 at byte 2");
  }

  @Test
  void anOverlongSlashIsRefusedBeforeJsonParsing() {
    byte[] head = "{\"accountId\":\"1".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + 4];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC0;
    body[head.length + 1] = (byte) 0xAF;
    body[head.length + 2] = '"';
    body[head.length + 3] = '}';
    assertThatThrownBy(() -> new FailureEventParser().parse(body))
        .hasMessageStartingWith("the body is not valid UTF-8 at byte " + head.length);
  }
}
