package io.scimplaybook.starter.webhook;

/** The event was not taken because too many wait for Temporal already: answered 429 with Retry-After. */
final class QueueFullException extends RuntimeException {
  private final long retryAfterSeconds;

  QueueFullException(String message, long retryAfterSeconds, Throwable cause) {
    super(message, cause);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
