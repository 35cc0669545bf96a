package io.scimplaybook.activities.http;

import java.time.Duration;

/**
 * A vendor API call that did not succeed. The message names the API and what went wrong, never a credential.
 *
 * @param status HTTP status, or 0 when no response arrived (I/O failure), or 200 for GraphQL errors
 * @param retryAfter how long the vendor asked us to wait (429 {@code Retry-After}); null when it did not say
 */
public class ApiCallException extends RuntimeException {
  private final String api;
  private final int status;
  private final Kind kind;
  private final Duration retryAfter;

  /** What a caller can do about it; decides retrying. */
  public enum Kind {
    AUTHENTICATION(false),
    PERMISSION(false),
    INVALID_REQUEST(false),
    NOT_FOUND(false),
    RATE_LIMITED(true),
    UNAVAILABLE(true),
    /** A paged read that could not reach its end; asking again walks into the same wall. */
    INCOMPLETE(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  public ApiCallException(String api, int status, Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(api + ": " + message, cause);
    this.api = api;
    this.status = status;
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public ApiCallException(String api, int status, Kind kind, String message) {
    this(api, status, kind, message, null, null);
  }

  /** The usual reading of an HTTP status: 401 authentication, 403 permission, 404, 429, 5xx retryable, other 4xx invalid. */
  public static Kind kindOf(int status) {
    if (status == 401) return Kind.AUTHENTICATION;
    if (status == 403) return Kind.PERMISSION;
    if (status == 404) return Kind.NOT_FOUND;
    if (status == 408 || status == 429) return Kind.RATE_LIMITED;
    if (status >= 500) return Kind.UNAVAILABLE;
    return Kind.INVALID_REQUEST;
  }

  public String api() {
    return api;
  }

  public int status() {
    return status;
  }

  public Kind kind() {
    return kind;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
