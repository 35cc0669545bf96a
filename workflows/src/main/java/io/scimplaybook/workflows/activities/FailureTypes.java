package io.scimplaybook.workflows.activities;

import java.util.List;

/**
 * ApplicationFailure types that activities throw. Authentication and validation failures cannot be fixed by retrying
 * the same call, so the workflow's retry policies never retry them.
 */
public final class FailureTypes {
  public static final String AUTHENTICATION = "AuthenticationFailed";
  public static final String PERMISSION = "PermissionDenied";
  public static final String INVALID_REQUEST = "InvalidRequest";
  public static final String NOT_FOUND = "NotFound";
  public static final String CONFIGURATION = "ConfigurationError";
  public static final String RATE_LIMITED = "RateLimited";
  public static final String UNAVAILABLE = "Unavailable";

  public static final List<String> NON_RETRYABLE =
      List.of(AUTHENTICATION, PERMISSION, INVALID_REQUEST, NOT_FOUND, CONFIGURATION);

  private FailureTypes() {}
}
