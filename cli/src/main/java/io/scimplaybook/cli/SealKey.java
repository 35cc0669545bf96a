package io.scimplaybook.cli;

import io.scimplaybook.api.secrets.TokenSeal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the worker's sealing key for the CLI; messages name where the key came from, never the key. */
final class SealKey {

  static final String ENV = "SCIM_PLAYBOOK_SEAL_KEY";

  private SealKey() {}

  /** A key file given on the command line wins over the environment: it is the more deliberate choice. */
  static TokenSeal load(Optional<String> keyFile, Map<String, String> env) {
    if (keyFile.isPresent()) {
      Path path = Path.of(keyFile.get());
      String key;
      try {
        key = Files.readString(path, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw CliExit.usage("cannot read the seal key file " + path + " (" + e.getClass().getSimpleName() + ")");
      }
      return open(key, "the seal key in " + path);
    }
    String key = env.get(ENV);
    if (key == null || key.isBlank()) {
      throw CliExit.usage("no seal key: set " + ENV + " to the worker's base64 key or pass --seal-key-file P");
    }
    return open(key, ENV);
  }

  private static TokenSeal open(String base64Key, String origin) {
    try {
      return TokenSeal.fromBase64Key(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw CliExit.usage(origin + " is not usable: " + e.getMessage());
    }
  }
}
