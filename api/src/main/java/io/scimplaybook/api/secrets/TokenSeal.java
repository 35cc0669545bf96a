package io.scimplaybook.api.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens SCIM tokens with AES-256-GCM. It lives beside the messages because both the operator CLI (which
 * seals) and the worker (which opens) depend on this module; workflow code never calls it.
 */
public final class TokenSeal {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String keyId;

  private TokenSeal(byte[] rawKey) {
    if (rawKey.length != 32) {
      throw new IllegalArgumentException("the seal key must be 32 bytes (base64 of 256 bits), got " + rawKey.length);
    }
    this.key = new SecretKeySpec(rawKey, "AES");
    this.keyId = fingerprint(rawKey);
  }

  /** A seal from a base64-encoded 256-bit key (the {@code SCIM_PLAYBOOK_SEAL_KEY} setting). */
  public static TokenSeal fromBase64Key(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalArgumentException("no seal key configured (set SCIM_PLAYBOOK_SEAL_KEY to base64 of 32 random bytes)");
    }
    try {
      return new TokenSeal(Base64.getDecoder().decode(base64Key.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the seal key is not valid base64 of 32 bytes");
    }
  }

  /** A fresh random key, base64-encoded: what the demo uses and what an installer would generate. */
  public static String newBase64Key() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  public String keyId() {
    return keyId;
  }

  public SealedToken seal(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the token to seal is empty");
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(token.strip().getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new SealedToken(keyId, Base64.getEncoder().encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing failed: " + e.getClass().getSimpleName());
    }
  }

  /** Opens a sealed token; failures name the problem but never echo the input. */
  public String open(SealedToken sealed) {
    if (sealed == null || sealed.ciphertext() == null) {
      throw new IllegalArgumentException("no sealed token given");
    }
    if (!keyId.equals(sealed.keyId())) {
      throw new IllegalArgumentException(
          "the token was sealed with key " + sealed.keyId() + " but this worker holds key " + keyId);
    }
    try {
      byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
      if (in.length <= NONCE_BYTES) {
        throw new IllegalArgumentException("the sealed token is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(in, NONCE_BYTES)));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the sealed token does not open with this worker's key (tampered or wrong key)");
    }
  }

  private static String fingerprint(byte[] rawKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey);
      return "k-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
