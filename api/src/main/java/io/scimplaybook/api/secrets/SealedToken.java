package io.scimplaybook.api.secrets;

/**
 * A SCIM token encrypted for the worker (AES-GCM). This is the only form in which a rotated token enters workflow
 * history.
 *
 * @param keyId names the sealing key, so a worker with another key fails clearly instead of decrypting garbage
 * @param ciphertext base64 of the 12-byte nonce followed by the GCM ciphertext and tag
 */
public record SealedToken(String keyId, String ciphertext) {

  @Override
  public String toString() {
    return "SealedToken[keyId=" + keyId + ", ciphertext=<" + (ciphertext == null ? 0 : ciphertext.length()) + " chars>]";
  }
}
