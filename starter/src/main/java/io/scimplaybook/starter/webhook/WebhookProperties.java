package io.scimplaybook.starter.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param temporalTimeout how long one event may wait for Temporal before the sender gets a 503; the SDK's own
 *     default would retry an unreachable server for a minute, longer than a webhook sender waits
 * @param maxBody bodies above this are refused with 413 before they are parsed
 * @param bearerToken when set, {@code Authorization: Bearer <token>} authenticates a request (the CMA's "Bearer"
 *     webhook authentication); environment {@code SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN}
 * @param hmacKey when set, {@code X-Scim-Playbook-Signature: sha256=<hex>} over {@code <timestamp>.<raw body>} with
 *     {@code X-Scim-Playbook-Timestamp: <epoch seconds>} authenticates a request; environment
 *     {@code SCIM_PLAYBOOK_WEBHOOK_HMAC_KEY}
 * @param signatureMaxAge a signed request whose timestamp is further than this from the starter's clock is refused,
 *     so a captured request cannot be replayed later
 * @param allowUnauthenticated with no secret configured the webhook refuses to start, because anyone who can reach
 *     it could start runs; this flag lets it start open, for a local demo only. Ignored once a secret is set.
 * @param bodyTimeout a body that has not fully arrived this long after its headers is answered 408; the body is read
 *     without holding a request thread, so slow senders cannot starve the others while they wait
 */
@ConfigurationProperties("scim-playbook.webhook")
public record WebhookProperties(
    @DefaultValue("PT10S") Duration temporalTimeout,
    @DefaultValue("64KB") DataSize maxBody,
    String bearerToken,
    String hmacKey,
    @DefaultValue("PT5M") Duration signatureMaxAge,
    @DefaultValue("false") boolean allowUnauthenticated,
    @DefaultValue("PT10S") Duration bodyTimeout) {

  static final int MIN_SECRET_LENGTH = 16;

  public WebhookProperties {
    if (temporalTimeout.isZero() || temporalTimeout.isNegative()) {
      throw new IllegalArgumentException("scim-playbook.webhook.temporal-timeout must be positive");
    }
    if (maxBody.toBytes() < 1 || maxBody.toBytes() > DataSize.ofMegabytes(16).toBytes()) {
      throw new IllegalArgumentException("scim-playbook.webhook.max-body must be between 1B and 16MB");
    }
    if (bodyTimeout == null) {
      bodyTimeout = Duration.ofSeconds(10);
    }
    if (bodyTimeout.isZero() || bodyTimeout.isNegative()) {
      throw new IllegalArgumentException("scim-playbook.webhook.body-timeout must be positive");
    }
    if (signatureMaxAge.isZero() || signatureMaxAge.isNegative()) {
      throw new IllegalArgumentException("scim-playbook.webhook.signature-max-age must be positive");
    }
    bearerToken = blankToNull(bearerToken);
    hmacKey = blankToNull(hmacKey);
    // The messages name the setting and the length, never the value.
    if (bearerToken != null && bearerToken.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("scim-playbook.webhook.bearer-token must be at least " + MIN_SECRET_LENGTH
          + " characters (e.g. `head -c 32 /dev/urandom | base64`)");
    }
    if (hmacKey != null && hmacKey.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("scim-playbook.webhook.hmac-key must be at least " + MIN_SECRET_LENGTH
          + " characters (e.g. `head -c 32 /dev/urandom | base64`)");
    }
    if (bearerToken == null && hmacKey == null && !allowUnauthenticated) {
      throw new IllegalArgumentException("the failure-event webhook has no authentication configured: set "
          + "scim-playbook.webhook.bearer-token (SCIM_PLAYBOOK_WEBHOOK_BEARER_TOKEN) and/or "
          + "scim-playbook.webhook.hmac-key (SCIM_PLAYBOOK_WEBHOOK_HMAC_KEY), or, for a local demo only, "
          + "scim-playbook.webhook.allow-unauthenticated=true");
    }
  }

  boolean authenticationRequired() {
    return bearerToken != null || hmacKey != null;
  }

  /** A record prints every component; this one holds secrets, so it names only which are set. */
  @Override
  public String toString() {
    return "WebhookProperties[temporalTimeout=" + temporalTimeout + ", maxBody=" + maxBody + ", bearerToken="
        + (bearerToken == null ? "unset" : "***") + ", hmacKey=" + (hmacKey == null ? "unset" : "***")
        + ", signatureMaxAge=" + signatureMaxAge + ", allowUnauthenticated=" + allowUnauthenticated
        + ", bodyTimeout=" + bodyTimeout + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
