package io.scimplaybook.starter.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A webhook body must be well-formed UTF-8 (RFC 8259 §8.1) before it is parsed: Jackson's own decoder is lenient, so
 * an overlong {@code C0 AF} became '/' and a CESU-8 surrogate {@code ED A0 80} became an unpaired U+D800 inside a
 * run. The JDK's decoder, set to REPORT, refuses overlong forms, encoded surrogates, stray continuation bytes and a
 * sequence cut short, and says where.
 */
final class StrictUtf8 {

  private StrictUtf8() {}

  /** @throws InvalidEventException naming the offset of the first byte that is not well-formed UTF-8 */
  static void check(byte[] body) {
    // A decoder is cheap but not thread-safe: one per body.
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(Math.min(Math.max(body.length, 16), 8192));
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        throw refused(in.position());
      }
      if (result.isUnderflow()) {
        break;
      }
      out.clear();
    }
    CoderResult flushed = decoder.flush(out);
    if (flushed.isError()) {
      throw refused(in.position());
    }
  }

  private static InvalidEventException refused(int offset) {
    return new InvalidEventException("the body is not valid UTF-8 at byte " + offset
        + " (overlong forms, encoded surrogates and cut-short sequences are refused)");
  }
}
