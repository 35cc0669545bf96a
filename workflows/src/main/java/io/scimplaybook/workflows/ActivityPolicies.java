package io.scimplaybook.workflows;

import io.scimplaybook.api.activities.FailureTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Timeouts and retries fitted to each vendor call. Authentication and validation failures are never retried:
 * the same request would fail the same way. Rate limits shape the initial intervals.
 */
final class ActivityPolicies {
  private ActivityPolicies() {}

  private static RetryOptions retry(Duration initial, Duration max, int attempts) {
    return RetryOptions.newBuilder()
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(max)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(FailureTypes.NON_RETRYABLE.toArray(String[]::new))
        .build();
  }

  private static ActivityOptions options(Duration startToClose, Duration scheduleToClose, RetryOptions retry) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setScheduleToCloseTimeout(scheduleToClose)
        .setRetryOptions(retry)
        .build();
  }

  /** Reading the worker's own configuration: fast, and a miss will not heal by waiting. */
  static ActivityOptions configuration() {
    return options(Duration.ofSeconds(10), Duration.ofMinutes(1), retry(Duration.ofSeconds(1), Duration.ofSeconds(5), 3));
  }

  /**
   * Cato GraphQL reads: 120/min per query and account, shared with every other API key of the account. Each call waits
   * for its slot under that limit (docs/pacing.md): a storm of one account's runs queues for minutes, so the call may
   * last that long, heartbeating while it waits; a dead worker's call is handed on after the heartbeat timeout.
   */
  static ActivityOptions catoQuery() {
    return paced(options(Duration.ofMinutes(15), Duration.ofMinutes(30),
        retry(Duration.ofSeconds(2), Duration.ofMinutes(1), 8)));
  }

  /**
   * For calls that wait for a pacing slot: every paced call heartbeats while it waits and before it goes, so two
   * minutes without one is a dead worker (each vendor request itself is bounded by its 30 s call timeout).
   */
  private static ActivityOptions paced(ActivityOptions options) {
    return ActivityOptions.newBuilder(options).setHeartbeatTimeout(Duration.ofMinutes(2)).build();
  }

  /**
   * eventsFeed: 100/min per account. Rate-limit refusals are not retried here (the poller backs off on its own clock);
   * outages are, a few times, before the poller waits for its next interval.
   */
  static ActivityOptions catoFeed() {
    RetryOptions retry = RetryOptions.newBuilder(retry(Duration.ofSeconds(2), Duration.ofSeconds(30), 5))
        .setDoNotRetry(doNotRetryAnd(FailureTypes.CATO_RATE_LIMITED))
        .build();
    return options(Duration.ofSeconds(60), Duration.ofMinutes(3), retry);
  }

  /**
   * Signalling a page of events into playbook runs: Temporal itself is the other side, so an outage is worth waiting
   * out a while; a page that still fails is fetched and delivered again later.
   */
  static ActivityOptions feedDelivery() {
    return options(Duration.ofMinutes(5), Duration.ofMinutes(30), retry(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));
  }

  private static String[] doNotRetryAnd(String type) {
    String[] types = FailureTypes.NON_RETRYABLE.toArray(new String[FailureTypes.NON_RETRYABLE.size() + 1]);
    types[types.length - 1] = type;
    return types;
  }

  /**
   * auditFeed allows 5 calls a minute per account and may page: slow first retry, long call. Paced, 200 runs of one
   * account wait up to 40 minutes for their slots (200 / 5 a minute), so the call may last an hour, heartbeating.
   */
  static ActivityOptions catoAudit() {
    return paced(options(Duration.ofHours(1), Duration.ofHours(2),
        retry(Duration.ofSeconds(15), Duration.ofMinutes(2), 6)));
  }

  /**
   * Entra provisionOnDemand allows 5 requests per 10 s per tenant; Graph 429s carry Retry-After, which overrides this.
   * Paced, a tenant's many sources queue for their slots (100 sources: 200 s), so the call may last ten minutes.
   * No heartbeat timeout: these IdP calls include Graph reads that are not paced and so do not heartbeat.
   */
  static ActivityOptions idpCall() {
    return options(Duration.ofMinutes(10), Duration.ofMinutes(30), retry(Duration.ofSeconds(3), Duration.ofMinutes(1), 6));
  }

  /**
   * Reading the provisioning job. Graph throttles its synchronization API for minutes at a time, each 429 naming a
   * Retry-After; a fixed number of attempts ran out inside one such spell and the run lost the job's evidence. So the
   * read keeps trying, after Graph's Retry-After or backing off to a minute, until ten minutes have passed.
   */
  static ActivityOptions jobRead() {
    return options(Duration.ofSeconds(30), Duration.ofMinutes(10), retry(Duration.ofSeconds(3), Duration.ofMinutes(1), 0));
  }

  /** Audit and provisioning logs: paged reads that may be slow. */
  static ActivityOptions idpLogs() {
    return options(Duration.ofMinutes(2), Duration.ofMinutes(10), retry(Duration.ofSeconds(3), Duration.ofMinutes(1), 6));
  }

  /** Token checks and the credential save: few attempts, an operator is waiting on the answer. */
  static ActivityOptions tokenRotation() {
    return options(Duration.ofSeconds(30), Duration.ofMinutes(5), retry(Duration.ofSeconds(2), Duration.ofSeconds(30), 5));
  }

  /**
   * A story comment is a courtesy: a few quick tries, then the run goes on without it. It waits for its pacing slot
   * (Cato's xdr limit) within those two minutes rather than be cut off at 30 s and give its slot away.
   */
  static ActivityOptions storyComment() {
    return options(Duration.ofMinutes(2), Duration.ofMinutes(2), retry(Duration.ofSeconds(2), Duration.ofSeconds(30), 3));
  }

  /** Delivering the support bundle must not be lost to a brief outage of the channel. */
  static ActivityOptions escalation() {
    return options(Duration.ofSeconds(30), Duration.ofHours(1), retry(Duration.ofSeconds(5), Duration.ofMinutes(5), 0));
  }

  /**
   * Telling people is worth a few retries over a channel's brief outage, but not more than the run's own pace: a
   * channel that stays down for ten minutes is noted in the timeline and given up.
   */
  static ActivityOptions notification() {
    return options(Duration.ofSeconds(30), Duration.ofMinutes(10), retry(Duration.ofSeconds(5), Duration.ofMinutes(2), 8));
  }

  /**
   * Reporting a sighting to the fleet watch: Temporal is the other side, and the run goes on without a verdict rather
   * than wait long (a declaration still reaches it by signal). The activity itself waits up to ten seconds for the
   * watch to count the sighting.
   */
  static ActivityOptions fleetReport() {
    return options(Duration.ofSeconds(30), Duration.ofMinutes(2), retry(Duration.ofSeconds(1), Duration.ofSeconds(10), 3));
  }

  /** Telling held runs about their incident: worth waiting out an outage of Temporal, since they hold until told. */
  static ActivityOptions fleetNotice() {
    return options(Duration.ofMinutes(5), Duration.ofMinutes(30), retry(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));
  }

  /** A stub whose calls the UI lists with {@code summary}, so an operator sees what each call was for. */
  static <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }
}
