package io.scimplaybook.starter.webhook;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a webhook request may start anything. Two credentials, either of which the configuration may
 * enable: a bearer token (what the CMA's webhook integration sends) and an HMAC-SHA256 signature of the raw body
 * bound to a timestamp (for relays that can sign). Both are compared in constant time. A request carrying an
 * {@code Authorization} header is judged by it alone; otherwise by its signature headers.
 */
@Component
public class WebhookAuthenticator {

  static final String SIGNATURE_HEADER = "X-Scim-Playbook-Signature";
  static final String TIMESTAMP_HEADER = "X-Scim-Playbook-Timestamp";
  static final String SIGNATURE_PREFIX = "sha256=";
  private static final String HMAC = "HmacSHA256";
  /** Signed requests remembered for replay refusal; ~100 bytes each, so the bound costs at most a few MiB. */
  static final int REMEMBERED_SIGNATURES = 50_000;
  private static final double TEN_YEARS_SECONDS = 10 * 365.25 * 24 * 3600;

  private final byte[] bearerDigest;
  private final SecretKeySpec hmacKey;
  private final Duration maxAge;
  private final Clock clock;
  private final RecentSignatures recent;

  @Autowired
  public WebhookAuthenticator(WebhookProperties webhook) {
    this(webhook, Clock.systemUTC());
  }

  WebhookAuthenticator(WebhookProperties webhook, Clock clock) {
    // Only a digest of the token is kept: comparing digests takes the same time whatever the presented length.
    this.bearerDigest = webhook.bearerToken() == null ? null : sha256(webhook.bearerToken());
    this.hmacKey = webhook.hmacKey() == null ? null
        : new SecretKeySpec(webhook.hmacKey().getBytes(StandardCharsets.UTF_8), HMAC);
    this.maxAge = webhook.signatureMaxAge();
    this.clock = clock;
    // A timestamp may be maxAge ahead of or behind the clock, so a signature stays replayable for twice that.
    this.recent = new RecentSignatures(2 * maxAge.toSeconds(), REMEMBERED_SIGNATURES);
  }

  boolean required() {
    return bearerDigest != null || hmacKey != null;
  }

  /** What the 401 offers in {@code WWW-Authenticate}; null when bearer tokens are not accepted. */
  String challenge() {
    return bearerDigest == null ? null : "Bearer realm=\"scim-playbook\"";
  }

  /**
   * The checks the headers alone allow, made before the body is read.
   *
   * @return true when the request is signed and {@link #checkSignature} must still see the body
   * @throws WebhookAuthenticationException when the request cannot be authenticated
   */
  boolean checkHeaders(HttpServletRequest request) {
    if (!required()) {
      return false;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      checkBearer(authorization);
      return false;
    }
    if (request.getHeader(SIGNATURE_HEADER) != null) {
      if (hmacKey == null) {
        throw new WebhookAuthenticationException(
            "signed requests are not accepted here (no HMAC key is configured): send 'Authorization: Bearer <token>'");
      }
      signedTimestamp(request);
      return true;
    }
    throw new WebhookAuthenticationException("no credentials: " + accepted());
  }

  /** Checks the signature over {@code <timestamp>.<raw body>}. */
  void checkSignature(HttpServletRequest request, byte[] body) {
    String timestamp = signedTimestamp(request);
    String presented = request.getHeader(SIGNATURE_HEADER).strip();
    byte[] given = decodeSignature(presented);
    Mac mac = newMac();
    mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) '.');
    mac.update(body);
    if (!MessageDigest.isEqual(mac.doFinal(), given)) {
      throw new WebhookAuthenticationException("the " + SIGNATURE_HEADER + " signature does not match the body and "
          + TIMESTAMP_HEADER + " (HMAC-SHA256 over '<timestamp>.<raw body>' with the configured key)");
    }
    // Only a verified signature is remembered: forged ones cannot fill the memory and push real ones out.
    if (!recent.firstSighting(HexFormat.of().formatHex(given), Long.parseLong(timestamp), clock.instant().getEpochSecond())) {
      throw new WebhookAuthenticationException("this signed request was already received (a replay is refused): sign "
          + "each delivery, including a retry, with a fresh " + TIMESTAMP_HEADER);
    }
  }

  private void checkBearer(String authorization) {
    String value = authorization.strip();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!"Bearer".equalsIgnoreCase(scheme)) {
      // Only the scheme is named: whatever follows it may be a credential meant for something else.
      String shown = space < 0 ? "a value without a scheme" : "scheme '" + clip(scheme) + "'";
      throw new WebhookAuthenticationException("Authorization has " + shown + ": " + accepted());
    }
    if (bearerDigest == null) {
      throw new WebhookAuthenticationException("bearer tokens are not accepted here (no bearer token is configured): "
          + "sign the body with " + SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER);
    }
    String token = space < 0 ? "" : value.substring(space + 1).strip();
    if (token.isEmpty()) {
      throw new WebhookAuthenticationException("Authorization: Bearer carries no token");
    }
    if (!MessageDigest.isEqual(sha256(token), bearerDigest)) {
      throw new WebhookAuthenticationException("the bearer token is not the one configured for this webhook");
    }
  }

  private String signedTimestamp(HttpServletRequest request) {
    String timestamp = request.getHeader(TIMESTAMP_HEADER);
    if (timestamp == null || timestamp.isBlank()) {
      throw new WebhookAuthenticationException(TIMESTAMP_HEADER + " (epoch seconds) is required with "
          + SIGNATURE_HEADER + ", so that a captured request cannot be replayed");
    }
    timestamp = timestamp.strip();
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new WebhookAuthenticationException(
          TIMESTAMP_HEADER + " must be epoch seconds such as 1748766600, got '" + clip(timestamp) + "'");
    }
    // Compared as seconds before any Instant is made: a value past Instant's range must be a 401, not a 500.
    long now = clock.instant().getEpochSecond();
    long allowed = maxAge.toSeconds();
    if (seconds < now - allowed || seconds > now + allowed) {
      // In double: seconds may be anywhere in long's range, where the difference would overflow.
      double skew = Math.abs((double) seconds - now);
      String away = skew > TEN_YEARS_SECONDS ? "more than ten years" : (long) skew + " s";
      throw new WebhookAuthenticationException(TIMESTAMP_HEADER + " is " + away
          + " away from the starter's clock (at most " + allowed + " s allowed): sign with the current time");
    }
    return timestamp;
  }

  private static byte[] decodeSignature(String presented) {
    String hex = presented.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())
        ? presented.substring(SIGNATURE_PREFIX.length()) : null;
    if (hex == null || hex.length() != 64) {
      throw new WebhookAuthenticationException(SIGNATURE_HEADER + " must be 'sha256=' followed by 64 hex digits");
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new WebhookAuthenticationException(SIGNATURE_HEADER + " must be 'sha256=' followed by 64 hex digits");
    }
  }

  private String accepted() {
    if (bearerDigest != null && hmacKey != null) {
      return "send 'Authorization: Bearer <token>', or sign the body with " + SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER;
    }
    return bearerDigest != null ? "send 'Authorization: Bearer <token>'"
        : "sign the body with " + SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(hmacKey);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
    }
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  private static String clip(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
