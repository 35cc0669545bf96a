package io.scimplaybook.starter.webhook;

/** Temporal could not take the event now (503): nothing was accepted, so the sender should send it again. */
public class TemporalUnavailableException extends RuntimeException {
  public TemporalUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
