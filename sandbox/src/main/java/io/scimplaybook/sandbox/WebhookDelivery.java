package io.scimplaybook.sandbox;

/** The webhook's answer to a failure event the sandbox sent. */
public record WebhookDelivery(int status, String body) {

  public boolean accepted() {
    return status >= 200 && status < 300;
  }
}
