package io.scimplaybook.workflows;

import static io.scimplaybook.workflows.ActivityPolicies.stub;
import static io.scimplaybook.workflows.RunRecord.now;

import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.MonitoringWindow;
import io.scimplaybook.api.input.ResumePoint;
import io.scimplaybook.api.operator.Decision;
import io.scimplaybook.api.operator.TaskKind;
import io.scimplaybook.api.status.Step;
import io.scimplaybook.api.status.StepResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 5 with proof. A fix is only a fix when the IdP's own schedule works again: one provision on demand succeeds
 * even while a quarantined Entra job keeps failing (or never runs) on its slowed schedule. So right after a fix the
 * run reads the job and restarts it when quarantined (change {@value #RESTART}), reads the story, and the monitoring
 * window succeeds only with no new failure, a successful scheduled cycle that began after the fix (Entra: the job's
 * last (successful) execution; other IdPs: an operator's confirmation) and a story that is not Open or Reopened
 * (change {@value #PROOF}). Without a scheduled cycle it keeps watching up to the configured bound, then says so.
 */
final class RecoveryProof {
  static final String RESTART = "job-restart-v1";
  static final String PROOF = "recovery-proof-v1";
  /** How often the job is read again while the proof is missing; never more often than the monitoring window. */
  static final Duration MAX_POLL = Duration.ofMinutes(15);

  /** How the monitoring ended. */
  enum Verdict { RECOVERED, FAILED_AGAIN, STILL_FAILING, NOT_PROVEN }

  record Result(Verdict verdict, String reason) {}

  private final RunRecord run;
  private final Resumption resumption;
  private final Capabilities capabilities;
  private final ClaimChecks claims;
  private JobStatus before;
  /** Why the read before the fix failed: the evidence says so rather than leaving the line out. */
  private String beforeUnread;
  /** Why the latest job read failed (after its retries), for the evidence line that replaces the job's state. */
  private String lastReadFailure;
  /** An operator's yes is asked for once per fix. */
  private Proof confirmed;
  private String restarted;

  RecoveryProof(RunRecord run, Resumption resumption, Capabilities capabilities, ClaimChecks claims) {
    this.run = run;
    this.resumption = resumption;
    this.capabilities = capabilities;
    this.claims = claims;
  }

  void restore(JobStatus jobBeforeFix, String jobRestarted) {
    before = jobBeforeFix;
    restarted = jobRestarted;
  }

  JobStatus jobBeforeFix() {
    return before;
  }

  String jobRestarted() {
    return restarted;
  }

  boolean enabled() {
    return Workflow.getVersion(PROOF, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private boolean restartsJobs() {
    return Workflow.getVersion(RESTART, Workflow.DEFAULT_VERSION, 1) >= 1 && hasJobApi();
  }

  /** Entra's job; Okta's and OneLogin's latest cycle as their logs show it (IdpPort.latestCycle). */
  private boolean hasJobApi() {
    return capabilities.automates(IdpCapability.READ_SCHEDULED_CYCLE);
  }

  /** The job as the failure left it, for the evidence beside the state after the fix. */
  void beforeFix() {
    if (restartsJobs() && before == null) {
      before = readJob("read the provisioning job before the fix");
      beforeUnread = before == null ? lastReadFailure : null;
    }
  }

  /** Right after a fix: the job (restarted when quarantined) and the story, which should leave Open now. */
  void afterFix() {
    boolean restart = restartsJobs();
    if (!restart && !enabled()) {
      return;
    }
    run.beginStep(Step.RECOVERY_CHECK);
    List<String> evidence = new ArrayList<>();
    StepResult result = StepResult.PASSED;
    String summary = "Checked the IdP job and the story after the fix";
    if (restart) {
      if (before != null) {
        evidence.add("Job before the fix: " + before.summary());
      } else if (beforeUnread != null) {
        evidence.add("Could not read the job before the fix: " + beforeUnread);
      }
      JobStatus after = readJob("read the provisioning job after the fix");
      if (after == null) {
        evidence.add("Could not read the job after the fix: " + lastReadFailure);
      } else {
        evidence.add("Job after the fix: " + after.summary());
        run.jobState = after.summary();
        if (after.quarantined() && !capabilities.automates(IdpCapability.RESTART_JOB)) {
          evidence.add(EvidenceText.quarantine(after));
          evidence.add("This worker cannot restart the job for this source: restart provisioning in "
              + run.profile.idp().displayName() + "'s console so it leaves quarantine");
          result = StepResult.ERROR;
          summary = "The job is quarantined and this worker cannot restart it";
        } else if (after.quarantined()) {
          evidence.add(EvidenceText.quarantine(after));
          try {
            stub(IdpActivities.class, ActivityPolicies.idpCall(), "restart the quarantined provisioning job")
                .restartJob(run.profile);
            evidence.add("Restarted the job (resetScope: Watermark, Escrows, QuarantineState) so it leaves quarantine"
                + " and runs on its normal schedule");
            restarted = "restarted by the run at " + now();
            run.jobState = after.summary() + "; " + restarted;
            summary = "The job was quarantined; restarted it";
          } catch (ActivityFailure f) {
            evidence.add("Could not restart the job: " + Reasons.of(f));
            result = StepResult.ERROR;
            summary = "The job is quarantined and could not be restarted";
          }
        }
      }
    }
    if (enabled()) {
      evidence.add(storyLine(readStory()));
    }
    run.recordStep(result, summary, evidence);
  }

  /**
   * The monitoring window, then the proof; {@code fixedAt} is when the latest fix was in place, {@code fix} what it
   * was. A flood of events that do not count (repeats, malformed ones) cannot end the window, so here the run continues
   * as new when its history grows too long, and the new run comes back with the window's absolute end.
   */
  Result monitor(Instant fixedAt, Repair fix) {
    MonitoringWindow resumed = resumption.takeMonitoring();
    if (resumed == null) {
      run.beginStep(Step.MONITORING);
      confirmed = null;
    }
    long seen = resumed == null ? run.failures.count() : resumed.baseline();
    Instant windowEnds = resumed == null ? now().plus(run.options.monitoringWindow()) : resumed.windowEndsAt();
    Instant deadline = fixedAt.plus(run.options.recoveryProofBound());
    if (now().isBefore(windowEnds)) {
      boolean woke = Workflow.await(Duration.between(now(), windowEnds),
          () -> run.failures.count() > seen || resumption.due());
      if (run.failures.count() > seen) {
        return failedAgain();
      }
      if (woke) {
        resumption.continueAsNew(ResumePoint.MONITORING,
            new MonitoringWindow(fixedAt, windowEnds, seen, fix.cause(), fix.conclusion()));
      }
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("No failure for " + run.options.monitoringWindow());
    Duration poll = run.options.monitoringWindow().compareTo(MAX_POLL) < 0 ? run.options.monitoringWindow() : MAX_POLL;
    String missing;
    while (true) {
      Proof cycle = scheduledCycle(fixedAt);
      if (cycle.failed) {
        evidence.add(cycle.line);
        run.recordStep(StepResult.FAILED, "The scheduled sync after the fix still fails", evidence);
        return new Result(Verdict.STILL_FAILING, cycle.line);
      }
      StorySummary story = readStory();
      boolean storyOpen = story != null && ("Open".equalsIgnoreCase(story.status())
          || "Reopened".equalsIgnoreCase(story.status()));
      if (cycle.proven && !storyOpen) {
        evidence.add(cycle.line);
        evidence.add(storyLine(story));
        run.recordStep(StepResult.PASSED, "No new failure, a successful scheduled cycle after the fix, and the story"
            + " is not open", evidence);
        return new Result(Verdict.RECOVERED, cycle.line);
      }
      missing = !cycle.proven ? cycle.line : storyLine(story) + " although the sync works";
      Duration left = Duration.between(now(), deadline);
      if (left.isNegative() || left.isZero()) {
        break;
      }
      run.note("Recovery not proven yet (" + missing + "); looking again in " + (left.compareTo(poll) < 0 ? left : poll));
      if (Workflow.await(left.compareTo(poll) < 0 ? left : poll,
          () -> run.failures.count() > seen || resumption.due())) {
        if (run.failures.count() > seen) {
          return failedAgain();
        }
        resumption.continueAsNew(ResumePoint.MONITORING,
            new MonitoringWindow(fixedAt, windowEnds, seen, fix.cause(), fix.conclusion()));
      }
    }
    evidence.add(missing);
    String reason = "Within " + run.options.recoveryProofBound() + " of the fix at " + fixedAt
        + " the recovery could not be proven: " + missing;
    run.recordStep(StepResult.FAILED, "No proof that the scheduled sync works again", evidence);
    return new Result(Verdict.NOT_PROVEN, reason);
  }

  /**
   * The window as released before {@value #PROOF}: quiet for the window means resolved. Kept so that runs started
   * before the change replay and end as they began.
   */
  boolean quietWindow() {
    run.beginStep(Step.MONITORING);
    long seen = run.failures.count();
    boolean failedAgain = Workflow.await(run.options.monitoringWindow(), () -> run.failures.count() > seen);
    if (failedAgain) {
      run.recordStep(StepResult.FAILED, "A new failure arrived during the monitoring window",
          List.of("Reason: " + run.failures.lastReason(), "At: " + run.failures.lastSeen()));
      return false;
    }
    List<String> evidence = new ArrayList<>();
    evidence.add("No failure for " + run.options.monitoringWindow());
    String storyId = run.failures.storyId();
    if (storyId != null) {
      try {
        StorySummary story = stub(CatoActivities.class, ActivityPolicies.catoQuery(), "read story " + storyId)
            .getStory(run.input.accountId(), storyId);
        evidence.add(story == null ? "Story " + storyId + " is no longer listed"
            : "Story " + story.id() + " is " + story.status());
      } catch (ActivityFailure f) {
        evidence.add("Could not read story " + storyId + ": " + Reasons.of(f));
      }
    }
    run.recordStep(StepResult.PASSED, "A quiet monitoring window", evidence);
    return true;
  }

  private Result failedAgain() {
    run.recordStep(StepResult.FAILED, "A new failure arrived during the monitoring window",
        List.of("Reason: " + run.failures.lastReason(), "At: " + run.failures.lastSeen()));
    return new Result(Verdict.FAILED_AGAIN, run.failures.lastReason());
  }

  private record Proof(boolean proven, boolean failed, String line) {}

  /** Entra: the job's last executions; other IdPs: an operator who looked. */
  private Proof scheduledCycle(Instant fixedAt) {
    if (!hasJobApi()) {
      if (confirmed != null) {
        return confirmed;
      }
      ClaimChecks.Answer answer = claims.ask(TaskKind.CONFIRM_SCHEDULED_SYNC, ManualClaim.SCHEDULED_SYNC_SUCCEEDED,
          "Confirm that " + run.profile.idp().displayName() + "'s scheduled sync works since the fix",
          Instructions.confirmScheduledSync(run.profile, fixedAt));
      String who = String.join("; ", answer.evidence());
      if (answer.contradicted()) {
        return new Proof(false, true, EvidenceText.claimStillContradicted("a successful scheduled sync after "
            + fixedAt, answer.seen()));
      }
      if (answer.decision() == Decision.SUCCEEDED) {
        confirmed = new Proof(true, false, "Operator confirmed a successful scheduled sync after " + fixedAt
            + " (" + who + ")");
        return confirmed;
      }
      if (answer.decision() == Decision.FAILED) {
        return new Proof(false, true, "Operator reports the scheduled sync after the fix failed (" + who + ")");
      }
      return new Proof(false, false, "No operator confirmed a scheduled sync after " + fixedAt);
    }
    JobStatus job = readJob("read the provisioning job's last scheduled cycle");
    if (job == null) {
      return new Proof(false, false, "The job could not be read (" + lastReadFailure + "), so no scheduled cycle after "
          + fixedAt + " is known");
    }
    run.jobState = job.summary() + (restarted == null ? "" : "; " + restarted);
    if (job.succeededSince(fixedAt)) {
      return new Proof(true, false, "A scheduled cycle after the fix succeeded: " + job.summary());
    }
    if (job.failedSince(fixedAt)) {
      return new Proof(false, true, "The scheduled cycle that began at " + job.lastExecutionBegan() + ", after the fix,"
          + " failed: " + job.lastExecutionError());
    }
    return new Proof(false, false, "No scheduled cycle has run since the fix at " + fixedAt
        + (job.quarantined() ? " (the job is quarantined)" : "") + ": " + job.summary());
  }

  private JobStatus readJob(String summary) {
    try {
      return stub(IdpActivities.class, ActivityPolicies.jobRead(), summary).jobStatus(run.profile);
    } catch (ActivityFailure f) {
      lastReadFailure = Reasons.of(f);
      run.note("Could not read the provisioning job: " + lastReadFailure);
      return null;
    }
  }

  private StorySummary readStory() {
    String storyId = run.failures.storyId();
    if (storyId == null) {
      return null;
    }
    try {
      return stub(CatoActivities.class, ActivityPolicies.catoQuery(), "read story " + storyId)
          .getStory(run.input.accountId(), storyId);
    } catch (ActivityFailure f) {
      run.note("Could not read story " + storyId + ": " + Reasons.of(f));
      return null;
    }
  }

  private String storyLine(StorySummary story) {
    String storyId = run.failures.storyId();
    if (storyId == null) {
      return "No XOps story is known for this failure";
    }
    return story == null ? "Story " + storyId + " could not be read or is no longer listed"
        : "Story " + story.id() + " is " + story.status();
  }
}
