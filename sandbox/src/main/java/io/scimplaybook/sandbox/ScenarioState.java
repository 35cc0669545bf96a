package io.scimplaybook.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one mutable thing in the sandbox: which token Cato accepts, which one the IdP holds, whether the suspect change
 * was reverted, the story's status and every event, audit record and provisioning attempt so far. The worker calls
 * from several threads, so every method holds the object's lock and hands out copies.
 *
 * <p>Provisioning works when the IdP's saved token is the one Cato accepts and the scenario's own blocker is gone
 * (config-change: the Domain change reverted; persistent: never). One rule for every scenario means a token
 * generated in CMA and not yet saved in the IdP breaks provisioning in any scenario, as it would for real.
 */
final class ScenarioState {
  private final SandboxConfig config;
  /** Job reads still to refuse with Graph's 429, as Graph does when it throttles its synchronization API. */
  private final AtomicInteger throttledJobReads = new AtomicInteger();
  private final Clock clock;
  private final Instant start;
  private final String storyId;
  private final String incidentId;

  private String catoToken;
  private String idpToken;
  private String idpBaseAddress;
  private boolean domainChangeReverted;
  private int catoTokensGenerated;
  private int idpSecretsSaved;
  private int provisionOnDemandCalls;

  private String storyStatus = "Open";
  private final Instant storyCreatedAt;
  private Instant storyUpdatedAt;
  private Instant lastSignal;
  private SyncFailure lastFailure;
  private final List<StoryEvent> storyTimeline = new ArrayList<>();

  private final List<FailureEvent> failureEvents = new ArrayList<>();
  private final List<AuditEntry> auditTrail;
  private final List<EntraAuditEntry> entraAudits;
  private final List<ProvisioningAttempt> attempts;
  private final Set<String> graphAccessTokens = new HashSet<>();
  private final Set<String> oneLoginAccessTokens = new HashSet<>();
  private final List<IdpChange> idpChanges;
  /** IdP API calls (Okta, OneLogin) still to refuse with 429, and whether those answers carry rate-limit headers. */
  private final AtomicInteger throttledIdpCalls = new AtomicInteger();
  private volatile boolean throttleWithHeaders = true;
  /**
   * Entra quarantines a job whose credentials fail and keeps it on a slowed schedule (here: no scheduled run at all)
   * until it is restarted, even after the credentials work again: provisioning on demand then works while the
   * scheduled sync does not.
   */
  private boolean quarantined;
  private Instant lastScheduledRun;
  private int restarts;
  private int storyComments;
  /** reopened-story: Cato reopens the story once, after the first good scheduled cycle while it is monitored. */
  private boolean reopenedOnce;

  ScenarioState(SandboxConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Scenario scenario = config.scenario();
    Instant failure = ScenarioScript.failureTime(start);
    this.storyId = ScenarioScript.storyId(start);
    this.incidentId = ScenarioScript.incidentId(start);

    // Nobody outside the sandbox ever sees the token Cato starts with: an operator has to generate a new one.
    this.catoToken = Tokens.random(32);
    this.idpToken = ScenarioScript.staleTokenAtStart(scenario) ? Tokens.random(32) : catoToken;
    this.idpBaseAddress = "https://scimservice.catonetworks.com:4443" + config.scimPath();

    SyncFailure initial = ScenarioScript.initialFailure(scenario);
    this.lastFailure = initial;
    this.lastSignal = failure;
    this.storyCreatedAt = failure.plusSeconds(60);
    this.storyUpdatedAt = storyCreatedAt;
    storyTimeline.add(new StoryEvent(
        storyCreatedAt, "Story created",
        "SCIM provisioning from " + config.idp().catoScimAppName() + " failed: " + initial.catoReason(),
        "Error"));
    failureEvents.add(new FailureEvent(Tokens.random(15), failure, initial, storyId));

    this.auditTrail = new ArrayList<>(ScenarioScript.catoAuditTrail(scenario, failure));
    this.entraAudits = new ArrayList<>(ScenarioScript.entraAudits(scenario, failure, config));
    this.attempts = new ArrayList<>(ScenarioScript.provisioningHistory(scenario, failure));
    this.idpChanges = new ArrayList<>(ScenarioScript.idpChanges(config.idp(), scenario, failure));
    // Quarantine is Entra's: the other IdPs keep pushing on schedule whatever the last cycle met.
    this.quarantined = config.idp() == SandboxIdp.ENTRA && initial == SyncFailure.INVALID_CREDENTIALS;
    this.lastScheduledRun = start;
  }

  /**
   * The job's scheduled cycles, run in wall-clock time every {@link ScenarioScript#SCHEDULE} while the job is not
   * quarantined, caught up lazily whenever someone looks. A failing cycle with rejected credentials quarantines the
   * job again.
   */
  private void runDueCycles() {
    Instant now = now();
    while (!quarantined && !lastScheduledRun.plus(ScenarioScript.SCHEDULE).isAfter(now)) {
      lastScheduledRun = lastScheduledRun.plus(ScenarioScript.SCHEDULE);
      SyncFailure failure = scheduledFailure().orElse(null);
      attempts.add(new ProvisioningAttempt(Tokens.hex(16), lastScheduledRun, false, failure));
      if (failure == SyncFailure.INVALID_CREDENTIALS && config.idp() == SandboxIdp.ENTRA) {
        quarantined = true;
      }
      if (failure != null && config.idp() != SandboxIdp.ENTRA) {
        // Without a job whose status says so, Cato's SCIM Provisioning / Failed event is how a failing cycle shows
        // (Entra's cycles keep to their job and logs, as the recorded histories expect).
        failureEvents.add(new FailureEvent(Tokens.random(15), lastScheduledRun, failure, storyId));
        lastSignal = lastScheduledRun;
        lastFailure = failure;
        if ("Monitoring".equals(storyStatus)) {
          setStoryStatus("Reopened", lastScheduledRun, "SCIM provisioning failed again: " + failure.catoReason());
        }
      }
      if (failure == null && config.scenario() == Scenario.REOPENED_STORY && "Monitoring".equals(storyStatus)
          && !reopenedOnce) {
        // Cato, not the IdP, says the problem is back: no new SCIM event, only the story's status.
        reopenedOnce = true;
        setStoryStatus("Reopened", lastScheduledRun, ScenarioScript.REOPEN_DESCRIPTION);
      }
    }
  }

  /** What a scheduled cycle meets: the current failure, or in scheduled-still-fails a failure on demand never sees. */
  private Optional<SyncFailure> scheduledFailure() {
    Optional<SyncFailure> failure = currentFailure();
    if (failure.isEmpty() && config.scenario() == Scenario.SCHEDULED_STILL_FAILS) {
      return Optional.of(SyncFailure.ENDPOINT_ERROR);
    }
    return failure;
  }

  /** Graph's restart with resetScope QuarantineState: the job leaves quarantine and runs on its schedule again. */
  synchronized void restartJob() {
    restarts++;
    quarantined = false;
    Instant now = now();
    // Entra starts a cycle right after a restart; the next ones follow on schedule.
    lastScheduledRun = now.minus(ScenarioScript.SCHEDULE);
  }

  /** A comment on the story (xdr.addStoryComment), kept in its timeline as Cato shows comments; returns its id. */
  synchronized String addStoryComment(String text) {
    storyComments++;
    storyTimeline.add(new StoryEvent(now(), "Comment added", text, "Information"));
    return "comment-" + storyComments;
  }

  synchronized int storyComments() {
    return storyComments;
  }

  synchronized boolean jobQuarantined() {
    runDueCycles();
    return quarantined;
  }

  SandboxConfig config() {
    return config;
  }

  /** Milliseconds are all either vendor shows; finer stamps would only make windows and events disagree. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  synchronized Optional<SyncFailure> currentFailure() {
    if (!Tokens.same(idpToken, catoToken)) {
      return Optional.of(SyncFailure.INVALID_CREDENTIALS);
    }
    return switch (config.scenario()) {
      case PERSISTENT -> Optional.of(SyncFailure.ENDPOINT_ERROR);
      case CONFIG_CHANGE -> domainChangeReverted ? Optional.empty() : Optional.of(SyncFailure.ENDPOINT_ERROR);
      case TOKEN_MISMATCH, TRANSIENT, SCHEDULED_STILL_FAILS, REOPENED_STORY, TWO_CYCLES -> Optional.empty();
    };
  }

  /** Exports the probe user now; a success moves the story to Monitoring, as Cato does once syncs work again. */
  synchronized ProvisioningAttempt provisionOnDemand() {
    provisionOnDemandCalls++;
    Instant at = now();
    SyncFailure failure = currentFailure().orElse(null);
    ProvisioningAttempt attempt = new ProvisioningAttempt(Tokens.hex(16), at, true, failure);
    attempts.add(attempt);
    if (failure == null && ("Open".equals(storyStatus) || "Reopened".equals(storyStatus))) {
      setStoryStatus("Monitoring", at, "SCIM provisioning succeeded; the story is monitored for recurrence");
    }
    return attempt;
  }

  /**
   * The admin pastes a token into the IdP's provisioning settings (console, or Okta's connection API): the next push
   * uses it. The IdP's log records the change, never the token.
   */
  synchronized void installIdpToken(String token, String actor) {
    idpToken = token;
    idpSecretsSaved++;
    idpChanges.add(new IdpChange(Tokens.hex(10), now(), IdpChange.Kind.PROVISIONING_TOKEN, actor, "API Token"));
  }

  synchronized List<IdpChange> idpChanges() {
    return List.copyOf(idpChanges);
  }

  /** The newest push of the probe user, scheduled or on demand (Okta's app user shows it as syncState/lastSync). */
  synchronized Optional<ProvisioningAttempt> latestAttempt() {
    runDueCycles();
    return newest(attempts);
  }

  /** The newest; of two at the same millisecond, the one recorded last. */
  private static Optional<ProvisioningAttempt> newest(List<ProvisioningAttempt> list) {
    ProvisioningAttempt newest = null;
    for (ProvisioningAttempt attempt : list) {
      if (newest == null || !attempt.time().isBefore(newest.time())) {
        newest = attempt;
      }
    }
    return Optional.ofNullable(newest);
  }

  synchronized String issueOneLoginAccessToken() {
    String token = Tokens.random(32);
    oneLoginAccessTokens.add(token);
    return token;
  }

  synchronized boolean oneLoginAccessTokenValid(String token) {
    return token != null && oneLoginAccessTokens.contains(token);
  }

  /** The next {@code count} Okta / OneLogin API calls are answered 429, with or without rate-limit headers. */
  void throttleIdpCalls(int count, boolean withHeaders) {
    throttleWithHeaders = withHeaders;
    throttledIdpCalls.set(Math.max(0, count));
  }

  /** Whether this IdP API call is one to refuse for rate limiting; counts it down. */
  boolean throttlesIdpCall() {
    return throttledIdpCalls.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
  }

  boolean throttleWithHeaders() {
    return throttleWithHeaders;
  }

  /** CMA's "Generate token": the old token stops working at once, the IdP still holds whatever it held. */
  synchronized String generateCatoToken() {
    catoToken = Tokens.random(32);
    catoTokensGenerated++;
    return catoToken;
  }

  synchronized boolean catoAccepts(String token) {
    return Tokens.same(token, catoToken);
  }

  /** What Entra's test connection would say, or empty when the credentials work. */
  synchronized Optional<String> credentialProblem(String baseAddress, String token) {
    if (baseAddress == null || !stripSlash(baseAddress).endsWith(config.scimPath())) {
      return Optional.of("NotFound");
    }
    if (!catoAccepts(token)) {
      return Optional.of("Unauthorized");
    }
    return Optional.empty();
  }

  synchronized String savedBaseAddress() {
    return idpBaseAddress;
  }

  synchronized String savedToken() {
    return idpToken;
  }

  /** Entra's PUT .../synchronization/secrets; a key left out keeps its saved value, as Graph does. */
  synchronized void saveIdpSecrets(String baseAddress, String token) {
    if (baseAddress != null) {
      idpBaseAddress = baseAddress;
    }
    if (token != null) {
      idpToken = token;
    }
    idpSecretsSaved++;
  }

  /** The admin undoes the suspect Domain change; only meaningful in config-change. */
  synchronized boolean revertDomainChange() {
    if (config.scenario() != Scenario.CONFIG_CHANGE || domainChangeReverted) {
      return false;
    }
    domainChangeReverted = true;
    auditTrail.add(ScenarioScript.revertEntry(now()));
    return true;
  }

  /** A new scheduled cycle failed: Cato logs another event and reopens a story that was being monitored. */
  synchronized FailureEvent recordFailure() {
    Instant at = now();
    SyncFailure failure = currentFailure().orElse(ScenarioScript.laterFailure(config.scenario()));
    FailureEvent event = new FailureEvent(Tokens.random(15), at, failure, storyId);
    failureEvents.add(event);
    attempts.add(new ProvisioningAttempt(Tokens.hex(16), at, false, failure));
    lastSignal = at;
    lastFailure = failure;
    if ("Monitoring".equals(storyStatus) || "Closed".equals(storyStatus)) {
      setStoryStatus("Reopened", at, "SCIM provisioning failed again: " + failure.catoReason());
    } else {
      storyUpdatedAt = at;
    }
    return event;
  }

  synchronized String issueGraphAccessToken() {
    String token = Tokens.random(48);
    graphAccessTokens.add(token);
    return token;
  }

  synchronized boolean graphAccessTokenValid(String token) {
    return token != null && graphAccessTokens.contains(token);
  }

  synchronized StoryView story() {
    catchUpCyclesForCato();
    return new StoryView(storyId, incidentId, storyStatus, storyCreatedAt, storyUpdatedAt, failureEvents.get(0).time(),
        lastSignal, lastFailure, List.copyOf(storyTimeline));
  }

  synchronized List<FailureEvent> failureEvents() {
    catchUpCyclesForCato();
    return List.copyOf(failureEvents);
  }

  /**
   * Cycles are caught up whenever someone looks; for an IdP whose failing cycles are Cato events, Cato's own reads
   * (events, feed, story) look too, or the feed would show them only after someone read the IdP.
   */
  private void catchUpCyclesForCato() {
    if (config.idp() != SandboxIdp.ENTRA) {
      runDueCycles();
    }
  }

  synchronized List<AuditEntry> auditTrail() {
    return List.copyOf(auditTrail);
  }

  synchronized List<EntraAuditEntry> entraAudits() {
    return List.copyOf(entraAudits);
  }

  synchronized List<ProvisioningAttempt> provisioningAttempts() {
    runDueCycles();
    return List.copyOf(attempts);
  }

  synchronized StateSnapshot snapshot() {
    runDueCycles();
    Optional<SyncFailure> failure = currentFailure();
    Optional<ProvisioningAttempt> lastCycle = newest(attempts.stream().filter(a -> !a.onDemand()).toList());
    return new StateSnapshot(
        config.scenario().wireName(), config.accountId(), config.sourceId(), storyId, storyStatus,
        Tokens.same(idpToken, catoToken), domainChangeReverted, failure.isEmpty(),
        failure.map(Enum::name).orElse(null), catoTokensGenerated, idpSecretsSaved, provisionOnDemandCalls,
        failureEvents.size(), restarts, config.idp().wireName(),
        lastCycle.map(a -> Json.time(a.time())).orElse(null), lastCycle.map(ProvisioningAttempt::succeeded).orElse(null));
  }

  private void setStoryStatus(String status, Instant at, String description) {
    storyStatus = status;
    storyUpdatedAt = at;
    storyTimeline.add(new StoryEvent(at, "Status updated to " + status, description, "Information"));
  }

  private static String stripSlash(String s) {
    String out = s.trim();
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  void throttleJobReads(int count) {
    throttledJobReads.set(Math.max(0, count));
  }

  /** Whether this job read is one Graph refuses for throttling; counts it down. */
  boolean throttlesJobRead() {
    return throttledJobReads.getAndUpdate(n -> Math.max(n - 1, 0)) > 0;
  }
}
