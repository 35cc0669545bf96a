package io.scimplaybook.starter.webhook;

/** A webhook request without a valid credential (401). The message says what was wrong, never the secret. */
public class WebhookAuthenticationException extends RuntimeException {
  public WebhookAuthenticationException(String message) {
    super(message);
  }
}
