package io.scimplaybook.starter.webhook;

/** A failure event the webhook refuses (400); the message names the field and the problem, for the sender. */
public class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message) {
    super(message);
  }
}
