package io.scimplaybook.activities.http;

import io.scimplaybook.api.activities.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/** Turns a vendor API failure into the ApplicationFailure the workflow's retry policies understand. */
public final class ActivityFailures {
  private ActivityFailures() {}

  /** A vendor call that answers. */
  @FunctionalInterface
  public interface ApiCall<T> {
    T call();
  }

  /** A vendor call that only acts. */
  @FunctionalInterface
  public interface ApiAction {
    void run();
  }

  /** Runs an activity's vendor calls, turning their failure into the one the retry policies understand. */
  public static <T> T call(ApiCall<T> call) {
    try {
      return call.call();
    } catch (ApiCallException e) {
      throw from(e);
    }
  }

  /** {@link #call} for calls without an answer. */
  public static void run(ApiAction action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  public static ApplicationFailure from(ApiCallException e) {
    String type =
        switch (e.kind()) {
          case AUTHENTICATION -> FailureTypes.AUTHENTICATION;
          case PERMISSION -> FailureTypes.PERMISSION;
          case INVALID_REQUEST -> FailureTypes.INVALID_REQUEST;
          case NOT_FOUND -> FailureTypes.NOT_FOUND;
          case RATE_LIMITED -> FailureTypes.RATE_LIMITED;
          case UNAVAILABLE -> FailureTypes.UNAVAILABLE;
          case INCOMPLETE -> FailureTypes.INCOMPLETE_READ;
        };
    // The cause is dropped on purpose: vendor exceptions can carry request details we do not want in history.
    ApplicationFailure.Builder builder =
        ApplicationFailure.newBuilder().setMessage(e.getMessage()).setType(type).setNonRetryable(!e.kind().retryable());
    if (e.retryAfter() != null) {
      builder.setNextRetryDelay(e.retryAfter());
    }
    return builder.build();
  }

  /** A problem in the worker's own configuration (a source nobody configured, a missing key): retrying cannot help. */
  public static ApplicationFailure configuration(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.CONFIGURATION);
  }
}
