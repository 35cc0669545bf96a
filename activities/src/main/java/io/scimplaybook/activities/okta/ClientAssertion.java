package io.scimplaybook.activities.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimplaybook.activities.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@code private_key_jwt} client assertion an Okta service app signs its token request with: RS256 over
 * {@code iss = sub = clientId}, {@code aud} the token endpoint, a short expiry and a fresh {@code jti} (Okta refuses a
 * jti it has seen). Built with {@code java.security} alone, so no JWT library enters the worker.
 */
final class ClientAssertion {
  /** Okta accepts up to an hour; five minutes covers clock skew without leaving a long-lived credential around. */
  static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final String clientId;
  private final String keyId;
  private final PrivateKey key;

  private ClientAssertion(String clientId, String keyId, PrivateKey key) {
    this.clientId = clientId;
    this.keyId = keyId;
    this.key = key;
  }

  /**
   * @throws IllegalArgumentException when the PEM is not a PKCS#8 RSA key; the message never quotes the key
   */
  static ClientAssertion of(String clientId, String keyId, String privateKeyPem) {
    return new ClientAssertion(clientId, keyId, rsaKey(privateKeyPem));
  }

  String sign(String audience, Instant now) {
    ObjectNode header = Json.mapper().createObjectNode().put("alg", "RS256").put("typ", "JWT");
    if (keyId != null && !keyId.isBlank()) {
      header.put("kid", keyId);
    }
    ObjectNode claims = Json.mapper().createObjectNode()
        .put("iss", clientId)
        .put("sub", clientId)
        .put("aud", audience)
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(LIFETIME).getEpochSecond())
        .put("jti", UUID.randomUUID().toString());
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the Okta client assertion: " + e.getClass().getSimpleName());
    }
  }

  private static String encode(ObjectNode json) {
    try {
      return URL.encodeToString(Json.mapper().writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the client assertion");
    }
  }

  private static PrivateKey rsaKey(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("privateKeyPem is empty");
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException("privateKeyPem must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert"
          + " it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // The cause's message can quote bytes of the key: only its kind is kept.
      throw new IllegalArgumentException("privateKeyPem is not a PKCS#8 RSA private key (" + e.getClass().getSimpleName() + ")");
    }
  }
}
