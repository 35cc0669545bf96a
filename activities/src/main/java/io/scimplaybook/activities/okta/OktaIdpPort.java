package io.scimplaybook.activities.okta;

import io.scimplaybook.activities.http.JsonFields;
import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisionResult;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.OktaTarget;
import io.scimplaybook.api.input.SourceProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playbook's IdP steps for sources fed by Okta: the System Log for changes, failures and outcomes, the app user
 * for provision-now, the connections API for the token where the app's integration allows it. One {@link OktaClient}
 * per configured org; a source names its org by {@code okta.orgUrl}.
 *
 * <p>Okta has no "provision now": pushing the probe user's own profile back makes Okta push it to Cato, and the
 * System Log says how that went. Okta has no provisioning job either: it pushes each change as it happens, so the
 * "latest cycle" is the newest push outcome.
 */
public class OktaIdpPort implements IdpPort {
  private static final Logger log = LoggerFactory.getLogger(OktaIdpPort.class);
  /** Our clock and Okta's may disagree by a little; an outcome logged just before our "now" still counts. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  /** How far back the latest cycle looks: Okta pushes on change, so a quiet app may show nothing for hours. */
  static final Duration CYCLE_LOOKBACK = Duration.ofDays(1);
  /** Looks the log gets after the app user's syncState settled, before the syncState alone decides. */
  static final int LOG_GRACE_POLLS = 2;
  private static final int CYCLE_PAGE = 100;

  private final Map<String, Org> orgs = new LinkedHashMap<>();
  private final Clock clock;
  private final PushPolling polling;

  /** An org the worker was configured with: its client, or why it cannot have one. */
  private record Org(String url, OktaClient client, String problem) {}

  /** A source resolved to its org's client and app. */
  private record Resolved(OktaClient client, OktaTarget target) {
    String appId() {
      return target.appId();
    }
  }

  /** Never throws: an org whose settings cannot be used is remembered with why, and {@link #support} says so. */
  public OktaIdpPort(List<OktaOrgSettings> orgs) {
    this(orgs, null, Clock.systemUTC(), PushPolling.DEFAULT);
  }

  /** @param http null for a client per org with that org's timeout */
  public OktaIdpPort(List<OktaOrgSettings> orgs, OkHttpClient http, Clock clock, PushPolling polling) {
    this.clock = clock;
    this.polling = polling;
    for (OktaOrgSettings settings : orgs == null ? List.<OktaOrgSettings>of() : orgs) {
      String key = key(settings == null ? null : settings.url());
      if (key == null) {
        log.warn("an Okta org is configured without a url; it is ignored");
        continue;
      }
      if (this.orgs.containsKey(key)) {
        log.warn("Okta org {} is configured twice; the first settings are used", settings.url());
        continue;
      }
      try {
        OktaClient client = http == null ? new OktaClient(settings) : new OktaClient(settings, http, clock);
        this.orgs.put(key, new Org(settings.url(), client, null));
      } catch (IllegalArgumentException unusable) {
        // The message names the setting, never its value.
        log.warn("Okta org {} cannot be used: {}", settings.url(), unusable.getMessage());
        this.orgs.put(key, new Org(settings.url(), null, unusable.getMessage()));
      }
    }
  }

  @Override
  public Idp idp() {
    return Idp.OKTA;
  }

  @Override
  public IdpSupport support(SourceProfile source) {
    Optional<String> problem = problem(source);
    if (problem.isPresent()) {
      return IdpSupport.none(problem.get());
    }
    Resolved okta = resolve(source);
    List<IdpCapability> automated = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    if (blank(okta.target().probeUserId())) {
      manual.add("provision now: source " + name(source) + " names no Okta probeUserId (a user assigned to app "
          + okta.appId() + ") to push");
    } else {
      automated.add(IdpCapability.PROVISION_NOW);
    }
    manual.add("token test: Okta has no API that tests a SCIM token without saving it");
    saveTokenSupport(okta).ifPresentOrElse(manual::add, () -> automated.add(IdpCapability.SAVE_TOKEN));
    automated.add(IdpCapability.READ_CONFIG_CHANGES);
    automated.add(IdpCapability.READ_PROVISIONING_FAILURES);
    automated.add(IdpCapability.READ_SCHEDULED_CYCLE);
    manual.add("job restart: Okta has no provisioning job to restart; it pushes each change as it happens");
    return new IdpSupport(automated, manual);
  }

  /** Empty when the connections API takes a token for the app; otherwise why the token is installed by hand. */
  private Optional<String> saveTokenSupport(Resolved okta) {
    try {
      ProvisioningConnection connection = okta.client().connection(okta.appId());
      if (connection.acceptsToken()) {
        return Optional.empty();
      }
      return Optional.of("token save: app " + okta.appId() + "'s provisioning connection has " + connection.describe()
          + "; Okta's connections API takes a token only for token auth");
    } catch (ApiCallException e) {
      if (e.kind() == Kind.NOT_FOUND || e.kind() == Kind.INVALID_REQUEST) {
        return Optional.of("token save: Okta's connections API does not serve app " + okta.appId() + " (" + e.getMessage()
            + "); its integration takes the token only in the Admin Console");
      }
      return Optional.of("token save: could not ask Okta's connections API about app " + okta.appId() + ": "
          + e.getMessage());
    }
  }

  @Override
  public ProvisionResult provisionNow(SourceProfile source) {
    Resolved okta = require(source);
    String userId = okta.target().probeUserId();
    if (blank(userId)) {
      throw ActivityFailures.configuration("source " + name(source) + " names no Okta probeUserId to push");
    }
    return ActivityFailures.call(() -> {
      Instant started = clock.instant();
      AppUser before = okta.client().appUser(okta.appId(), userId);
      okta.client().pushAppUser(okta.appId(), userId, before.profile());
      return followPush(source, okta, userId, started);
    });
  }

  /**
   * Looks at the System Log and the app user until the push shows an outcome, within the polling bound. Okta says
   * syncState depends on profile mastering, so the log's outcome decides where there is one; the syncState decides
   * only when the log stays silent for a few looks after it settled.
   */
  private ProvisionResult followPush(SourceProfile source, Resolved okta, String userId, Instant started) {
    Instant since = started.minus(CLOCK_SKEW);
    AppUser latest = null;
    int settledLooks = 0;
    for (int look = 1; look <= polling.polls(); look++) {
      pause();
      Optional<LogEvent> outcome = okta.client().logs(since, clock.instant(), OktaEventTypes.outcomes(okta.appId()))
          .stream()
          .filter(e -> e.concernsApp(okta.appId()))
          // The probe user's push, or the connection refusing Okta's credential meanwhile (then no push may be logged).
          .filter(e -> (OktaEventTypes.isPush(e.eventType()) && e.targets(userId) && (e.succeeded() || e.failed()))
              || OktaEventTypes.AUTHENTICATION_FAILURE.equals(e.eventType()))
          .max(Comparator.comparing(LogEvent::published, Comparator.nullsFirst(Comparator.naturalOrder())));
      if (outcome.isPresent()) {
        return fromLog(source, outcome.get(), latest);
      }
      latest = okta.client().appUser(okta.appId(), userId);
      if ((latest.inError() || latest.synchronizedSince(since)) && ++settledLooks > LOG_GRACE_POLLS) {
        break;
      }
    }
    Duration waited = polling.interval().multipliedBy(polling.polls());
    if (latest != null && latest.inError()) {
      return new ProvisionResult(false, source.probeUser(), "ERROR", "Okta set the app user's syncState to ERROR and"
          + " logged no push outcome (" + latest.describe() + "); see the app's Provisioning errors in the Okta Admin Console");
    }
    if (latest != null && latest.synchronizedSince(since)) {
      return new ProvisionResult(true, source.probeUser(), "SYNCHRONIZED", "");
    }
    return new ProvisionResult(false, source.probeUser(), "NoOutcome", "Okta showed no push of " + source.probeUser()
        + " to app " + okta.appId() + " within " + waited.toSeconds() + " s ("
        + (latest == null ? "app user not read" : latest.describe()) + "): the app's \"Update User Attributes\" may be"
        + " off, or Okta's push queue is slow");
  }

  private static ProvisionResult fromLog(SourceProfile source, LogEvent outcome, AppUser latest) {
    String state = latest == null ? "" : "; app user " + latest.describe();
    if (outcome.succeeded() && OktaEventTypes.isPush(outcome.eventType())) {
      return new ProvisionResult(true, source.probeUser(), outcome.result() + " " + outcome.eventType(), "");
    }
    return new ProvisionResult(false, source.probeUser(), outcome.result() + " " + outcome.eventType(),
        JsonFields.firstNonBlank(outcome.reason(), outcome.displayMessage(), "no reason given") + " (" + outcome.line() + ")"
            + state);
  }

  private void pause() {
    try {
      polling.pause().pause(polling.interval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiCallException(OktaClient.API, 0, Kind.UNAVAILABLE, "interrupted while following a push", null, null);
    }
  }

  @Override
  public void saveToken(SourceProfile source, String tenantUrl, String token) {
    Resolved okta = require(source);
    if (blank(tenantUrl)) {
      throw ActivityFailures.configuration("source " + name(source) + " has no SCIM tenant URL to save with the token");
    }
    ActivityFailures.run(() -> {
      ProvisioningConnection saved = okta.client().saveToken(okta.appId(), tenantUrl, token);
      log.info("saved Cato's SCIM token as app {}'s provisioning connection for {} ({})", okta.appId(), name(source),
          saved.describe());
    });
  }

  @Override
  public ConfigChanges configChanges(SourceProfile source, AuditQuery query) {
    Resolved okta = require(source);
    return ActivityFailures.call(() -> {
      List<ConfigChange> changes = new ArrayList<>();
      for (LogEvent event : okta.client().logs(query.from(), query.to(), OktaEventTypes.configuration(okta.appId()))) {
        // Re-checked here: the log is org-wide, and a filter Okta ignored must not let other apps' changes in.
        if (OktaEventTypes.isConfiguration(event.eventType()) && event.targets(okta.appId()) && inWindow(event, query)) {
          changes.add(OktaConfigChange.of(event, okta.appId()));
        }
      }
      return new ConfigChanges(changes);
    });
  }

  @Override
  public ProvisioningLog provisioningFailures(SourceProfile source, AuditQuery query) {
    Resolved okta = require(source);
    return ActivityFailures.call(() -> {
      List<ProvisioningLogEntry> entries = new ArrayList<>();
      for (LogEvent event : okta.client().logs(query.from(), query.to(), OktaEventTypes.outcomes(okta.appId()))) {
        if (isFailure(event) && event.concernsApp(okta.appId()) && event.targets(okta.appId()) && inWindow(event, query)) {
          entries.add(new ProvisioningLogEntry(
              event.published(),
              Optional.ofNullable(event.result()).orElse("FAILURE"),
              event.eventType(),
              JsonFields.firstNonBlank(event.reason(), event.displayMessage()),
              Optional.ofNullable(event.user()).orElse(okta.appId()),
              event.uuid()));
        }
      }
      return new ProvisioningLog(entries);
    });
  }

  /** A failed push, or an integration failure that does not say it succeeded. */
  private static boolean isFailure(LogEvent event) {
    return (OktaEventTypes.isPush(event.eventType()) && event.failed())
        || (OktaEventTypes.isIntegrationFailure(event.eventType()) && !event.succeeded());
  }

  @Override
  public JobStatus latestCycle(SourceProfile source) {
    Resolved okta = require(source);
    return ActivityFailures.call(() -> {
      Instant now = clock.instant();
      List<LogEvent> outcomes = okta.client()
          .newestLogs(now.minus(CYCLE_LOOKBACK), now, OktaEventTypes.outcomes(okta.appId()), CYCLE_PAGE).stream()
          .filter(e -> e.concernsApp(okta.appId()))
          .filter(e -> (OktaEventTypes.isPush(e.eventType()) && (e.succeeded() || e.failed())) || isFailure(e))
          .sorted(Comparator.comparing(LogEvent::published, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
          .toList();
      if (outcomes.isEmpty()) {
        return new JobStatus("NoActivity", false, null, null, null, null, null, null, "Okta System Log shows no push to"
            + " app " + okta.appId() + " in the last " + CYCLE_LOOKBACK.toHours() + " h");
      }
      LogEvent newest = outcomes.get(0);
      boolean succeeded = newest.succeeded() && OktaEventTypes.isPush(newest.eventType());
      Instant lastSuccess = outcomes.stream()
          .filter(e -> e.succeeded() && OktaEventTypes.isPush(e.eventType()))
          .map(LogEvent::published).filter(t -> t != null).findFirst().orElse(null);
      String error = succeeded ? null : shorten(newest.eventType() + ": "
          + JsonFields.firstNonBlank(newest.reason(), newest.displayMessage(), "no reason given"));
      return new JobStatus(succeeded ? "Active" : "Failing", false, null, null, succeeded ? "Succeeded" : "Failed",
          newest.published(), error, lastSuccess, shorten("Newest Okta push outcome: " + newest.line()));
    });
  }

  @Override
  public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    Optional<String> problem = problem(source);
    if (problem.isPresent()) {
      return ClaimCheck.unverified(claim, problem.get());
    }
    Resolved okta = resolve(source);
    return ActivityFailures.call(() -> {
      Instant now = clock.instant();
      // A claim with no time is weighed against the last week, Okta's own default window.
      Instant from = since == null ? now.minus(Duration.ofDays(7)) : since;
      List<LogEvent> events = okta.client().logs(from, now, OktaEventTypes.outcomes(okta.appId()));
      String probe = blank(okta.target().probeUserId()) ? null : okta.target().probeUserId();
      return OktaClaimCheck.check(claim, events, probe, okta.appId(), from);
    });
  }

  /** The org's client and the app, or a configuration failure (never retried) saying what is missing. */
  private Resolved require(SourceProfile source) {
    Optional<String> problem = problem(source);
    if (problem.isPresent()) {
      throw ActivityFailures.configuration(problem.get());
    }
    return resolve(source);
  }

  private Resolved resolve(SourceProfile source) {
    return new Resolved(orgs.get(key(source.okta().orgUrl())).client(), source.okta());
  }

  /** Why this worker cannot reach the source's Okta app, or empty when it can. */
  private Optional<String> problem(SourceProfile source) {
    if (source == null) {
      return Optional.of("no source given");
    }
    OktaTarget target = source.okta();
    if (target == null || blank(target.orgUrl())) {
      return Optional.of("source " + name(source) + " has no Okta target (orgUrl, appId) configured");
    }
    if (blank(target.appId())) {
      return Optional.of("source " + name(source) + " names no Okta appId (the Cato app in " + target.orgUrl() + ")");
    }
    if (!OktaEventTypes.isOktaId(target.appId())) {
      return Optional.of("source " + name(source) + " names an Okta appId that is not an Okta id (letters and digits)");
    }
    Org org = orgs.get(key(target.orgUrl()));
    if (org == null) {
      return Optional.of("this worker has no credentials for Okta org " + target.orgUrl()
          + " (scim-playbook.okta.orgs)");
    }
    if (org.client() == null) {
      return Optional.of("this worker's settings for Okta org " + org.url() + " cannot be used: " + org.problem());
    }
    return Optional.empty();
  }

  /** Entries Okta placed outside the window are dropped; one we cannot place in time is kept, as evidence. */
  private static boolean inWindow(LogEvent event, AuditQuery query) {
    Instant at = event.published();
    return at == null || ((query.from() == null || !at.isBefore(query.from())) && (query.to() == null || !at.isAfter(query.to())));
  }

  private static String key(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String key = url.strip().toLowerCase(Locale.ROOT);
    while (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    return key;
  }

  private static String name(SourceProfile source) {
    return source.accountId() + "/" + source.sourceId();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }
}
