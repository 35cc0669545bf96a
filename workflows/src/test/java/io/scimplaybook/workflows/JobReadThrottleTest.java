package io.scimplaybook.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Outcome;
import io.scimplaybook.api.status.PlaybookReport;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepRecord;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provisioning job read that Graph throttles: a 429 with Retry-After is retried after that delay, and a read that
 * still fails says so in the evidence instead of leaving its line out. Time-skipping: the throttle passes in ms.
 */
class JobReadThrottleTest {
  static final String TOKEN = "rotated-token-7f3e9a";
  /** Graph's throttle on the synchronization API: one Retry-After per refusal, answered for minutes at a time. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  private PlaybookTestEnvironment t;
  private FakeActivities fake;
  private final List<Instant> reads = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    t = new PlaybookTestEnvironment();
    fake = t.fake;
    fake.validToken = TOKEN;
    fake.provisionResults.add(FakeActivities.succeeded());
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  /** The first {@code refusals} job reads are answered 429 with Retry-After, as Graph throttles. */
  private void throttleFirstReads(int refusals) {
    AtomicInteger calls = new AtomicInteger();
    fake.jobError = () -> {
      reads.add(fake.clock.get());
      if (calls.incrementAndGet() > refusals) {
        return null;
      }
      return ApplicationFailure.newBuilder()
          .setMessage("Microsoft Graph: GET /v1.0/servicePrincipals/sp-1/synchronization/jobs/scim.job.1 returned 429"
              + " TooManyRequests: Please retry again later.")
          .setType(FailureTypes.RATE_LIMITED)
          .setNextRetryDelay(RETRY_AFTER)
          .build();
    };
  }

  private void approveRotation() {
    // Queries do not move the test server's clock; the retry timers of the throttled reads need it to move.
    t.env.sleep(Duration.ofMinutes(15));
    String taskId = t.awaitStatus(s -> s.pendingTask() != null && s.pendingTask().kind() == TaskKind.APPROVE_ROTATION,
        "an approval task").pendingTask().id();
    t.running().approveRotation(new RotationApproval(taskId, "alice", fake.seal.seal(TOKEN), null));
  }

  private static StepRecord recoveryCheck(PlaybookReport r) {
    return r.steps().stream().filter(s -> s.step() == Step.RECOVERY_CHECK).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void aThrottledJobReadIsRetriedAfterRetryAfterAndItsEvidenceLineIsThere() {
    fake.quarantined = true;
    throttleFirstReads(8);
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(recoveryCheck(r).evidence()).anyMatch(e -> e.startsWith("Job before the fix: job Quarantine"));
    assertThat(r.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(reads.size()).isGreaterThan(9);
    for (int i = 1; i <= 8; i++) {
      assertThat(Duration.between(reads.get(i - 1), reads.get(i))).as("wait before read " + (i + 1))
          .isGreaterThanOrEqualTo(RETRY_AFTER);
    }
  }

  @Test
  void aJobReadThatStaysThrottledSaysSoInTheEvidence() {
    fake.quarantined = true;
    throttleFirstReads(Integer.MAX_VALUE);
    t.start();
    approveRotation();

    PlaybookReport r = t.result();

    assertThat(recoveryCheck(r).evidence())
        .anyMatch(e -> e.startsWith("Could not read the job before the fix: ") && e.contains("429"))
        .anyMatch(e -> e.startsWith("Could not read the job after the fix: ") && e.contains("429"));
    assertThat(r.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(r.conclusion()).contains("could not be read");
  }
}
