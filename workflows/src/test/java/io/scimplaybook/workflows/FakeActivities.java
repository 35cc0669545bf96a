package io.scimplaybook.workflows;

import io.scimplaybook.api.FleetBatcher;
import io.scimplaybook.api.FleetReporting;
import io.scimplaybook.api.activities.FleetActivities;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.SourceFailure;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.EscalationActivities;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.activities.NotificationActivities;
import io.scimplaybook.api.activities.SourceActivities;
import io.scimplaybook.api.activities.TokenRotationActivities;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.FailureRecord;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.TokenCheck;
import io.scimplaybook.api.findings.VerificationQuery;
import io.scimplaybook.api.input.EntraTarget;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationResult;
import io.scimplaybook.api.secrets.SealedToken;
import io.scimplaybook.api.secrets.TokenSeal;
import io.scimplaybook.api.status.PlaybookReport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Scripted stand-ins for every activity, so that each workflow test states the world it runs in. Activities run on
 * worker threads: every field is safe to read from them.
 */
final class FakeActivities {
  final TokenSeal seal = TokenSeal.fromBase64Key(TokenSeal.newBase64Key());
  volatile Idp idp = Idp.ENTRA_ID;
  /** What the worker says it automates for the source; null is a profile from before the IdP port. */
  volatile List<IdpCapability> automated;
  volatile List<String> manualBecause = List.of();
  /** The IdP's verdicts on operators' claims, in order; the last one repeats. */
  final List<ClaimVerdict> claimVerdicts = new CopyOnWriteArrayList<>(List.of(ClaimVerdict.HELD));
  /** Every claim the run asked the IdP about, with the time it gave. */
  final List<String> claimsChecked = new CopyOnWriteArrayList<>();
  final AtomicInteger idpChangeReads = new AtomicInteger();
  final AtomicInteger idpFailureReads = new AtomicInteger();
  /**
   * How many of the run's next reads of Cato's events after an operator's answer find a new failure (at a second after
   * the answer); every other such read finds none.
   */
  final AtomicInteger catoFailuresAfterAnswers = new AtomicInteger();
  volatile List<StorySummary> stories =
      List.of(new StorySummary("story-1", "SCIM Provisioning Failed", "Open", Instant.parse("2026-11-29T06:00:00Z"),
          Instant.parse("2026-11-29T06:05:00Z"), "SCIM provisioning from Entra ID failed"));
  volatile List<FailureRecord> events =
      List.of(new FailureRecord(Instant.parse("2026-11-29T06:00:00Z"), "7", "invalid credentials", "story-1", "failed"));
  volatile List<ConfigChange> catoChanges = List.of();
  volatile List<ConfigChange> idpChanges = List.of();
  /** Provisioning results in order; the last one repeats. */
  final List<ProvisionResult> provisionResults = new CopyOnWriteArrayList<>(List.of(failed()));
  /** The token Cato and the IdP accept; null accepts any. */
  volatile String validToken;
  /** Thrown by provisionOnDemand while it supplies an exception; a null from the supplier lets the call through. */
  volatile Supplier<RuntimeException> provisionError;
  volatile Supplier<RuntimeException> storiesError;
  volatile Supplier<RuntimeException> eventsError;

  /**
   * The IdP job as the workflow's clock sees it: a scheduled cycle that began a second before each read succeeded,
   * unless {@link #scheduledCycleFails}, {@link #noScheduledCycle}, or the job is {@link #quarantined} (only a
   * restart clears that, as in Entra).
   */
  volatile boolean quarantined;
  volatile boolean scheduledCycleFails;
  volatile boolean noScheduledCycle;
  /** Story statuses getStory returns in order; the last one repeats. */
  final List<String> storyStatuses = new CopyOnWriteArrayList<>(List.of("Monitoring"));
  volatile Supplier<RuntimeException> commentError;
  volatile Supplier<RuntimeException> jobError;
  volatile Supplier<RuntimeException> restartError;
  final AtomicInteger restarts = new AtomicInteger();
  final AtomicInteger jobReads = new AtomicInteger();
  final AtomicInteger storyReads = new AtomicInteger();
  final List<String> comments = new CopyOnWriteArrayList<>();
  /** Set by the test environment: the workflow clock, so that scheduled cycles begin after the fix. */
  volatile Supplier<Instant> clock = Instant::now;

  final AtomicInteger provisionCalls = new AtomicInteger();
  final List<String> savedTokens = new CopyOnWriteArrayList<>();
  final List<PlaybookReport> bundles = new CopyOnWriteArrayList<>();
  /** Every notification the run asked for, each attempt included. */
  final List<Notification> notifications = new CopyOnWriteArrayList<>();
  /** Thrown by every notification attempt while set: a channel that is down. */
  volatile Supplier<RuntimeException> notifyError;
  /** Set by fleet tests: sightings go to the real fleet watch through this client. Null: the watch is never asked. */
  volatile WorkflowClient fleetClient;
  volatile FleetSettings fleetSettings = FleetSettings.defaults();
  /** The Entra tenant of each "account/source"; null: not known. */
  volatile Function<String, String> tenants = source -> null;
  /** When set, each source's provisioning result instead of {@link #provisionResults}. */
  volatile Function<SourceProfile, ProvisionResult> provisionBySource;
  /** When set, provisioning waits until it opens: lets a test line runs up at the same point. */
  volatile CountDownLatch provisionGate;

  static ProvisionResult failed() {
    return new ProvisionResult(false, "probe@contoso.com", "Failure", "invalid credentials");
  }

  static ProvisionResult succeeded() {
    return new ProvisionResult(true, "probe@contoso.com", "Success", "");
  }

  Object[] all() {
    return new Object[] {new Sources(), new Cato(), new IdpCalls(), new Rotation(), new Escalation(), new Notifier(),
        new Fleet()};
  }

  private ProvisionResult nextProvision() {
    int call = provisionCalls.getAndIncrement();
    Supplier<RuntimeException> error = provisionError;
    RuntimeException thrown = error == null ? null : error.get();
    if (thrown != null) {
      throw thrown;
    }
    return provisionResults.get(Math.min(call, provisionResults.size() - 1));
  }

  private boolean accepted(SealedToken token) {
    String plain = seal.open(token);
    return validToken == null || validToken.equals(plain);
  }

  private class Sources implements SourceActivities {
    @Override
    public SourceProfile describeSource(String accountId, String sourceId) {
      return sourceOf(accountId, sourceId, idp, automated, manualBecause);
    }
  }

  /** The source as the worker describes it for the IdP, with what it automates (null: a profile from before). */
  SourceProfile sourceOf(Idp idp, List<IdpCapability> automated, List<String> manualBecause) {
    return sourceOf(PlaybookTestEnvironment.ACCOUNT, PlaybookTestEnvironment.SOURCE, idp, automated, manualBecause);
  }

  private SourceProfile sourceOf(String accountId, String sourceId, Idp idp, List<IdpCapability> automated,
      List<String> manualBecause) {
    EntraTarget entra = idp == Idp.ENTRA_ID
        ? new EntraTarget("sp-1", "scim.job.1", "rule-1", "obj-1", "probe@contoso.com",
            tenants.apply(accountId + "/" + sourceId)) : null;
    OktaTarget okta = idp == Idp.OKTA
        ? new OktaTarget("https://contoso.okta.com", "0oa1cato", "00u1probe", "probe@contoso.com") : null;
    OneLoginTarget onelogin = idp == Idp.ONELOGIN
        ? new OneLoginTarget("https://contoso.onelogin.com", "1234567", "55501", "probe@contoso.com") : null;
    SourceProfile profile = new SourceProfile(accountId, sourceId, idp, "Contoso (" + sourceId + ")",
        "https://scim.example/scim/v2", entra, null, okta, onelogin, null, null);
    return automated == null ? profile : profile.withSupport(automated, manualBecause);
  }

  private class Cato implements CatoActivities {
    @Override
    public StoryFindings findScimStories(VerificationQuery query) {
      if (storiesError != null) throw storiesError.get();
      return new StoryFindings(stories);
    }

    @Override
    public EventFindings findFailureEvents(VerificationQuery query) {
      if (eventsError != null) throw eventsError.get();
      // Step 1 looks back from the first failure; a claim check looks from the operator's answer, long after it.
      boolean afterAnAnswer = query.from().isAfter(Instant.parse("2026-11-29T12:00:00Z"));
      if (afterAnAnswer && catoFailuresAfterAnswers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        return new EventFindings(List.of(new FailureRecord(query.from().plusSeconds(1), "7",
            "SCIM server returned 401: invalid bearer token", "story-1", "failed")));
      }
      return new EventFindings(events);
    }

    @Override
    public ConfigChanges findDomainChanges(AuditQuery query) {
      return new ConfigChanges(catoChanges);
    }

    @Override
    public StorySummary getStory(String accountId, String storyId) {
      int call = storyReads.getAndIncrement();
      String status = storyStatuses.get(Math.min(call, storyStatuses.size() - 1));
      return new StorySummary(storyId, "SCIM Provisioning Failed", status, null, null, "");
    }

    @Override
    public String addStoryComment(String accountId, String storyId, String text) {
      if (commentError != null) throw commentError.get();
      comments.add(storyId + ": " + text);
      return "comment-" + comments.size();
    }
  }

  private class IdpCalls implements IdpActivities {
    @Override
    public ProvisionResult provisionOnDemand(SourceProfile source) {
      CountDownLatch gate = provisionGate;
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Function<SourceProfile, ProvisionResult> bySource = provisionBySource;
      if (bySource != null) {
        provisionCalls.incrementAndGet();
        return bySource.apply(source);
      }
      return nextProvision();
    }

    @Override
    public JobStatus jobStatus(SourceProfile source) {
      jobReads.incrementAndGet();
      RuntimeException jobFailure = jobError == null ? null : jobError.get();
      if (jobFailure != null) throw jobFailure;
      Instant now = clock.get();
      if (quarantined) {
        // A quarantined job does not run on its normal schedule: its last cycle is the failure that quarantined it.
        return new JobStatus("Quarantine", true, "EncounteredQuarantineException", 3, "Failed",
            Instant.parse("2020-01-01T00:00:00Z"), "SystemForCrossDomainIdentityManagementUnauthorized: 401", null,
            "job Quarantine; quarantined (series 3)");
      }
      if (noScheduledCycle) {
        return new JobStatus("Active", false, null, null, "Failed", now.minusSeconds(86_400), "old failure", null,
            "job Active; last execution Failed long ago");
      }
      if (scheduledCycleFails) {
        return new JobStatus("Active", false, null, null, "Failed", now.minusSeconds(1),
            "SystemForCrossDomainIdentityManagementServiceUnavailable: 503", null, "job Active; last execution Failed");
      }
      return new JobStatus("Active", false, null, null, "Succeeded", now.minusSeconds(1), null, now.minusSeconds(1),
          "job Active; last execution Succeeded");
    }

    @Override
    public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
      int call = claimsChecked.size();
      claimsChecked.add(claim + " since " + since);
      ClaimVerdict verdict = claimVerdicts.get(Math.min(call, claimVerdicts.size() - 1));
      return new ClaimCheck(claim, verdict, List.of(switch (verdict) {
        case HELD -> "application.provision.user.push SUCCESS for probe@contoso.com after " + since;
        case CONTRADICTED -> "application.integration.authentication_failure FAILURE after " + since;
        case UNVERIFIED -> "nothing logged since " + since;
      }));
    }

    @Override
    public void restartJob(SourceProfile source) {
      restarts.incrementAndGet();
      if (restartError != null) throw restartError.get();
      quarantined = false;
    }

    @Override
    public ConfigChanges findIdpChanges(SourceProfile source, AuditQuery query) {
      idpChangeReads.incrementAndGet();
      return new ConfigChanges(idpChanges);
    }

    @Override
    public ProvisioningLog findProvisioningFailures(SourceProfile source, AuditQuery query) {
      idpFailureReads.incrementAndGet();
      return new ProvisioningLog(List.of(new ProvisioningLogEntry(query.to(), "failure",
          "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable", "invalid credentials", "probe")));
    }
  }

  private class Rotation implements TokenRotationActivities {
    @Override
    public TokenCheck checkTokenAtCato(SourceProfile source, SealedToken token) {
      return accepted(token) ? new TokenCheck(true, "HTTP 200") : new TokenCheck(false, "HTTP 401 invalid token");
    }

    @Override
    public TokenCheck testTokenAtIdp(SourceProfile source, SealedToken token) {
      return accepted(token) ? new TokenCheck(true, "HTTP 204") : new TokenCheck(false, "credentials rejected");
    }

    @Override
    public void saveTokenAtIdp(SourceProfile source, SealedToken token) {
      savedTokens.add(seal.open(token));
    }
  }

  private class Escalation implements EscalationActivities {
    @Override
    public String deliverBundle(PlaybookReport report) {
      bundles.add(report);
      return "/bundles/" + report.workflowId() + ".md";
    }
  }

  private FleetBatcher batcher;

  private synchronized FleetBatcher batcher(WorkflowClient client) {
    if (batcher == null) {
      batcher = new FleetBatcher(client, FleetBatcher.DEFAULT_LINGER);
    }
    return batcher;
  }

  private class Fleet implements FleetActivities {
    @Override
    public FleetVerdict reportFleetSighting(SourceFailure failure) {
      WorkflowClient client = fleetClient;
      if (client == null) {
        return FleetVerdict.off(fleetSettings);
      }
      return FleetReporting.reportFromActivity(batcher(client), failure, fleetSettings,
          FleetReporting.DEFAULT_VERDICT_WAIT);
    }

    @Override
    public int tellFleetRuns(List<String> workflowIds, FleetNotice notice) {
      return FleetReporting.tell(fleetClient, workflowIds, notice);
    }
  }

  private class Notifier implements NotificationActivities {
    @Override
    public NotificationResult deliverNotification(Notification notification) {
      notifications.add(notification);
      if (notifyError != null) throw notifyError.get();
      return new NotificationResult(List.of("webhook"), null);
    }
  }
}
