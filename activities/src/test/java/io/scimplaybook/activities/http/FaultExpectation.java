package io.scimplaybook.activities.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.activities.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/**
 * What one row of a vendor fault matrix promises: the failure type the workflow's retry policies match, whether
 * Temporal retries it, the vendor's Retry-After as the next retry delay, and no secret in the message.
 *
 * @param retryAfter null when the vendor named no delay and Temporal's backoff decides
 */
public record FaultExpectation(String type, boolean retried, Duration retryAfter) {

  public static FaultExpectation retried(String type) {
    return new FaultExpectation(type, true, null);
  }

  public static FaultExpectation retriedAfter(String type, Duration retryAfter) {
    return new FaultExpectation(type, true, retryAfter);
  }

  /** Ends the step at once: non-retryable, and a type every policy lists as not retried. */
  public static FaultExpectation ends(String type) {
    return new FaultExpectation(type, false, null);
  }

  public void assertMatches(ApplicationFailure failure, String... secrets) {
    assertThat(failure).as("a typed ApplicationFailure").isNotNull();
    assertThat(failure.getType()).isEqualTo(type);
    assertThat(failure.isNonRetryable()).as("non-retryable flag").isEqualTo(!retried);
    // ActivityPolicies list these types as not retried; the feed adds CatoRateLimited (its poller backs off itself).
    boolean policyStops = FailureTypes.NON_RETRYABLE.contains(type) || FailureTypes.CATO_RATE_LIMITED.equals(type);
    assertThat(policyStops).as("the retry policies stop on " + type).isEqualTo(!retried);
    assertThat(failure.getNextRetryDelay()).as("next retry delay").isEqualTo(retryAfter);
    assertThat(failure.getOriginalMessage()).isNotBlank();
    for (String secret : secrets) {
      assertThat(failure.getOriginalMessage()).doesNotContain(secret);
      assertThat(String.valueOf(failure.getDetails())).doesNotContain(secret);
    }
  }
}
