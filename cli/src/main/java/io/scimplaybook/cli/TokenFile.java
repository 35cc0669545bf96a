package io.scimplaybook.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the SCIM token an operator saved from the CMA. Refusals describe the file, never its content: the token must
 * not reach a terminal, a log or a shell history.
 */
final class TokenFile {

  /** CMA tokens are a few hundred characters; anything this large is the wrong file. */
  static final long MAX_BYTES = 16 * 1024;

  private TokenFile() {}

  static String read(String name) {
    Path path = Path.of(name);
    String text;
    try {
      if (!Files.isRegularFile(path)) {
        throw CliExit.usage("the token file " + path + " does not exist or is not a regular file");
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw CliExit.usage("the token file " + path + " is " + size + " bytes; a SCIM token is far shorter, is it the right file?");
      }
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliExit.usage("the token file " + path + " does not exist");
    } catch (CharacterCodingException e) {
      throw CliExit.usage("the token file " + path + " is not UTF-8 text");
    } catch (IOException e) {
      throw CliExit.usage("cannot read the token file " + path + " (" + e.getClass().getSimpleName() + ")");
    }
    // Editors on Windows prepend a byte-order mark, and every editor may append a newline: neither is the token.
    String token = text.replace("\uFEFF", "").strip();
    if (token.isEmpty()) {
      throw CliExit.usage("the token file " + path + " is empty; save the token generated in the CMA into it");
    }
    // Joining words would turn a wrong file into a wrong token; refuse and let the operator fix the file.
    if (token.codePoints().anyMatch(Character::isWhitespace)) {
      throw CliExit.usage("the token file " + path + " holds more than one word or line; it must hold only the token");
    }
    return token;
  }
}
