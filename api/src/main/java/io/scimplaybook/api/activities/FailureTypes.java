package io.scimplaybook.api.activities;

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
  /**
   * A paged read that could not be read to its end (more pages than the bound, a marker that stops moving, a next link
   * to another host). Half the data returned as if it were all would be wrong evidence, so the read fails instead.
   */
  public static final String INCOMPLETE_READ = "IncompleteRead";
  /**
   * Cato refused an eventsFeed call for its rate limit (100/min per account). Thrown non-retryable: the poller
   * workflow backs off on its own clock, where the wait shows in its status, instead of hidden activity retries.
   */
  public static final String CATO_RATE_LIMITED = "CatoRateLimited";

  public static final List<String> NON_RETRYABLE =
      List.of(AUTHENTICATION, PERMISSION, INVALID_REQUEST, NOT_FOUND, CONFIGURATION, INCOMPLETE_READ);

  private FailureTypes() {}
}
