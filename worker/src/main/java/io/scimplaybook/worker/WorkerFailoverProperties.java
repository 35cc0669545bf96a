package io.scimplaybook.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast another worker takes over what a dead one held. The defaults suit a real cluster; the crash tests
 * ({@code demo/.../WorkerCrashIT}) tighten both, because they run on Temporal's Java test server.
 *
 * @param stickyExecution whether a run's next workflow task goes to the worker that holds it in its cache. A real
 *     server moves a run off a dead worker's sticky queue after 5 s; the Java test server never does, so a worker
 *     killed there would wedge its runs. Off: every workflow task goes through the shared task queue (replayed from
 *     history each time, a little more work per task)
 * @param activityStartToClose when set, replaces every playbook activity's start-to-close timeout (ActivityPolicies
 *     gives 10 s to 2 min). After a worker dies mid-call the server hands the call to another worker only once this
 *     passes, so a short value means a fast takeover, and also that a vendor call slower than it is cut off and
 *     retried. Retries, back-off and schedule-to-close stay as ActivityPolicies sets them. Unset: each call's own
 */
@ConfigurationProperties("scim-playbook.failover")
public record WorkerFailoverProperties(@DefaultValue("true") boolean stickyExecution, Duration activityStartToClose) {

  public WorkerFailoverProperties {
    if (activityStartToClose != null && (activityStartToClose.isZero() || activityStartToClose.isNegative())) {
      throw new IllegalArgumentException(
          "scim-playbook.failover.activity-start-to-close must be positive, got " + activityStartToClose);
    }
  }
}
