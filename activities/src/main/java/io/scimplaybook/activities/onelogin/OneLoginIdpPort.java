package io.scimplaybook.activities.onelogin;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpSupport;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ClaimCheck;
import io.scimplaybook.api.findings.ClaimVerdict;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.JobStatus;
import io.scimplaybook.api.findings.ManualClaim;
import io.scimplaybook.api.findings.ProvisioningLog;
import io.scimplaybook.api.findings.ProvisioningLogEntry;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.OneLoginTarget;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * OneLogin's side of the playbook. Its API gives evidence, not actions: the events API shows app configuration
 * changes and provisioning outcomes (audit review, provisioning failures, the latest cycle, checks of operators'
 * claims); provisioning a user now, testing and saving the Cato token have no API and stay operator tasks.
 *
 * <p>OneLogin has no provisioning job with scheduled cycles as Entra does: it pushes each change as it happens. The
 * "latest cycle" is therefore the newest provisioning outcome event for the app (docs/onelogin-api.md).
 */
public final class OneLoginIdpPort implements IdpPort {
  static final String ORIGIN = "OneLogin events";
  /** How far back the latest provisioning outcome is looked for. */
  public static final Duration DEFAULT_CYCLE_LOOKBACK = Duration.ofHours(24);
  static final int MAX_EVIDENCE = 5;
  private static final int MAX_TEXT = 400;
  private static final List<IdpCapability> READS = List.of(
      IdpCapability.READ_CONFIG_CHANGES, IdpCapability.READ_PROVISIONING_FAILURES, IdpCapability.READ_SCHEDULED_CYCLE);

  private final Map<String, OneLoginSettings> accounts = new LinkedHashMap<>();
  private final Map<String, OneLoginClient> clients = new ConcurrentHashMap<>();
  private final Function<OneLoginSettings, OneLoginClient> newClient;
  private final OneLoginEventRules rules;
  private final Duration cycleLookback;
  private final Clock clock;

  public OneLoginIdpPort(List<OneLoginSettings> accounts) {
    this(accounts, OneLoginEventRules.defaults(), DEFAULT_CYCLE_LOOKBACK, Clock.systemUTC(), OneLoginClient::new);
  }

  /** With the event rules and lookback from configuration, and how to build a client (tests share a clock). */
  public OneLoginIdpPort(
      List<OneLoginSettings> accounts, OneLoginEventRules rules, Duration cycleLookback, Clock clock,
      Function<OneLoginSettings, OneLoginClient> newClient) {
    for (OneLoginSettings account : accounts == null ? List.<OneLoginSettings>of() : accounts) {
      if (account != null && account.url() != null) {
        this.accounts.put(key(account.url()), account);
      }
    }
    this.rules = Objects.requireNonNull(rules, "rules");
    this.cycleLookback = cycleLookback == null || cycleLookback.isZero() || cycleLookback.isNegative()
        ? DEFAULT_CYCLE_LOOKBACK : cycleLookback;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.newClient = Objects.requireNonNull(newClient, "newClient");
  }

  @Override
  public Idp idp() {
    return Idp.ONELOGIN;
  }

  @Override
  public IdpSupport support(SourceProfile source) {
    List<IdpCapability> automated = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    manual.add("provision now: OneLogin's API has no call that provisions one user to an app now");
    manual.add("token test: OneLogin's API has no call that tests an app's SCIM bearer token");
    manual.add("token save: OneLogin's API has no call that saves an app's SCIM bearer token");
    String noReads = readsUnavailable(source);
    if (noReads == null) {
      automated.addAll(READS);
    } else {
      manual.add("config changes: " + noReads);
      manual.add("provisioning failures: " + noReads);
      manual.add("scheduled cycle: " + noReads);
    }
    manual.add("job restart: OneLogin has no provisioning job to restart; it pushes each change as it happens");
    return new IdpSupport(automated, manual);
  }

  /** Why the event reads cannot run for this source, or null when they can. */
  private String readsUnavailable(SourceProfile source) {
    OneLoginTarget target = source == null ? null : source.onelogin();
    if (target == null || blank(target.apiUrl()) || blank(target.appId())) {
      return "the source names no OneLogin account and app (onelogin.api-url, onelogin.app-id)";
    }
    OneLoginSettings account = accounts.get(key(target.apiUrl()));
    if (account == null) {
      return "this worker has no OneLogin API credentials for " + target.apiUrl() + " (scim-playbook.onelogin.accounts)";
    }
    if (blank(account.clientId()) || blank(account.clientSecret())) {
      return "the OneLogin account " + target.apiUrl() + " on this worker lacks a client id or secret";
    }
    if (HttpUrl.parse(account.url().strip()) == null) {
      return "the OneLogin account URL " + account.url() + " on this worker is not an http(s) URL";
    }
    return null;
  }

  @Override
  public ConfigChanges configChanges(SourceProfile source, AuditQuery query) {
    Reader reader = reader(source, IdpCapability.READ_CONFIG_CHANGES);
    return ActivityFailures.call(() -> {
      OneLoginEventCatalog catalog = reader.catalog(OneLoginEventKind.CONFIGURATION_CHANGE);
      List<ConfigChange> changes = new ArrayList<>();
      for (OneLoginEvent event : reader.appEvents(catalog, query.from(), query.to(), OneLoginEventKind.CONFIGURATION_CHANGE)) {
        changes.add(new ConfigChange(ORIGIN, event.time(), event.actor(), catalog.name(event.eventTypeId()), "App",
            Objects.requireNonNullElse(event.appName(), "app " + reader.target.appId()), description(catalog, event)));
      }
      return new ConfigChanges(changes);
    });
  }

  @Override
  public ProvisioningLog provisioningFailures(SourceProfile source, AuditQuery query) {
    Reader reader = reader(source, IdpCapability.READ_PROVISIONING_FAILURES);
    return ActivityFailures.call(() -> {
      OneLoginEventCatalog catalog = reader.catalog(OneLoginEventKind.PROVISIONING_FAILURE);
      List<ProvisioningLogEntry> entries = new ArrayList<>();
      for (OneLoginEvent event : reader.appEvents(catalog, query.from(), query.to(), OneLoginEventKind.PROVISIONING_FAILURE)) {
        entries.add(new ProvisioningLogEntry(event.time(), "failure", catalog.name(event.eventTypeId()),
            reason(catalog, event), event.subject(), event.id()));
      }
      return new ProvisioningLog(entries);
    });
  }

  @Override
  public JobStatus latestCycle(SourceProfile source) {
    Reader reader = reader(source, IdpCapability.READ_SCHEDULED_CYCLE);
    return ActivityFailures.call(() -> {
      OneLoginEventCatalog catalog = reader.catalog(OneLoginEventKind.PROVISIONING_FAILURE, OneLoginEventKind.PROVISIONING_SUCCESS);
      Instant now = clock.instant();
      List<OneLoginEvent> outcomes = reader.appEvents(catalog, now.minus(cycleLookback), null,
          OneLoginEventKind.PROVISIONING_FAILURE, OneLoginEventKind.PROVISIONING_SUCCESS);
      OneLoginEvent newest = outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
      OneLoginEvent newestSuccess = null;
      for (OneLoginEvent event : outcomes) {
        if (catalog.kindOf(event) == OneLoginEventKind.PROVISIONING_SUCCESS) {
          newestSuccess = event;
        }
      }
      String app = "app " + reader.target.appId();
      if (newest == null) {
        return new JobStatus(null, false, null, null, null, null, null, null,
            "OneLogin: no provisioning outcome for " + app + " in the last " + hours(cycleLookback));
      }
      boolean failed = catalog.kindOf(newest) == OneLoginEventKind.PROVISIONING_FAILURE;
      String state = failed ? "Failed" : "Succeeded";
      String error = failed ? shorten(catalog.name(newest.eventTypeId()) + ": " + reason(catalog, newest)) : null;
      return new JobStatus(null, false, null, null, state, newest.time(), error,
          newestSuccess == null ? null : newestSuccess.time(),
          shorten("OneLogin: newest provisioning outcome for " + app + ": " + line(catalog, newest)));
    });
  }

  /**
   * Checks an operator's claim against the app's provisioning outcomes after {@code since}. The newest outcome that
   * bears on the claim decides: a failure for the app contradicts it; a success holds it (for PROVISIONED it must be
   * the probe user's, when one is configured; a token or a scheduled sync is shown working by any user's push).
   * Nothing either way leaves it unverified. Earlier outcomes the newest one supersedes stay in the evidence.
   */
  @Override
  public ClaimCheck checkClaim(SourceProfile source, ManualClaim claim, Instant since) {
    String noReads = readsUnavailable(source);
    if (noReads != null) {
      return ClaimCheck.unverified(claim, "OneLogin not checked: " + noReads);
    }
    Reader reader = reader(source, IdpCapability.READ_PROVISIONING_FAILURES);
    // An answer without a time still gets a bounded read: the lookback the latest cycle uses.
    Instant from = since == null ? clock.instant().minus(cycleLookback) : since;
    return ActivityFailures.call(() -> {
      OneLoginEventCatalog catalog;
      try {
        catalog = reader.catalog(OneLoginEventKind.PROVISIONING_FAILURE, OneLoginEventKind.PROVISIONING_SUCCESS);
      } catch (ApplicationFailure noTypes) {
        // No type to read is "no way to tell", which a claim check answers as UNVERIFIED, with the reason.
        return ClaimCheck.unverified(claim, "OneLogin not checked: " + noTypes.getOriginalMessage());
      }
      List<OneLoginEvent> outcomes = reader.appEvents(catalog, from, null,
          OneLoginEventKind.PROVISIONING_FAILURE, OneLoginEventKind.PROVISIONING_SUCCESS);
      String probe = reader.target.probeUserId();
      boolean probeOnly = claim == ManualClaim.PROVISIONED && !blank(probe);
      OneLoginEvent decisive = null;
      List<String> evidence = new ArrayList<>();
      for (OneLoginEvent event : outcomes) {
        OneLoginEventKind kind = catalog.kindOf(event);
        boolean counts = kind == OneLoginEventKind.PROVISIONING_FAILURE
            || !probeOnly || probe.equals(event.userId());
        if (counts) {
          decisive = event;
          evidence.add(line(catalog, event));
        }
      }
      String app = "app " + reader.target.appId();
      if (decisive == null) {
        String whom = probeOnly ? "the probe user " + probeLabel(reader.target) + " or any failure" : "any user";
        return ClaimCheck.unverified(claim, "OneLogin shows no provisioning outcome for " + app + " (" + whom
            + ") since " + from);
      }
      ClaimVerdict verdict = catalog.kindOf(decisive) == OneLoginEventKind.PROVISIONING_FAILURE
          ? ClaimVerdict.CONTRADICTED : ClaimVerdict.HELD;
      List<String> lines = new ArrayList<>();
      lines.add((verdict == ClaimVerdict.HELD ? "OneLogin shows it worked: " : "OneLogin shows it failed: ")
          + line(catalog, decisive));
      // The newest first, then what came before it, bounded: the evidence is for people, not an export.
      for (int i = evidence.size() - 2, shown = 0; i >= 0 && shown < MAX_EVIDENCE - 1; i--, shown++) {
        lines.add("earlier: " + evidence.get(i));
      }
      if (evidence.size() > MAX_EVIDENCE) {
        lines.add((evidence.size() - MAX_EVIDENCE) + " earlier outcome(s) not shown");
      }
      return new ClaimCheck(claim, verdict, lines);
    });
  }

  /** "2025-05-01T09:12:00Z USER_CREATION_FAILED_IN_APP jane@example.com (4711): 401 Unauthorized" */
  private static String line(OneLoginEventCatalog catalog, OneLoginEvent event) {
    StringBuilder out = new StringBuilder();
    out.append(event.time() == null ? "(time unknown)" : event.time().toString()).append(' ')
        .append(catalog.name(event.eventTypeId()));
    if (event.subject() != null) {
      out.append(' ').append(event.subject());
    }
    String reason = reason(catalog, event);
    if (reason != null) {
      out.append(": ").append(reason);
    }
    if (event.id() != null) {
      out.append(" [event ").append(event.id()).append(']');
    }
    return shorten(out.toString());
  }

  private static String reason(OneLoginEventCatalog catalog, OneLoginEvent event) {
    String reason = OneLoginEvent.firstNonBlank(event.errorDescription(), event.notes(), event.customMessage());
    return reason == null ? null : shorten(reason);
  }

  private static String description(OneLoginEventCatalog catalog, OneLoginEvent event) {
    String text = catalog.describe(event);
    String more = OneLoginEvent.firstNonBlank(event.notes(), event.customMessage());
    return shorten(more == null ? text : text + ": " + more);
  }

  private static String probeLabel(OneLoginTarget target) {
    return target.probeUser() == null ? target.probeUserId() : target.probeUser() + " (" + target.probeUserId() + ")";
  }

  private static String hours(Duration duration) {
    long hours = duration.toHours();
    return hours > 0 ? hours + " h" : duration.toMinutes() + " min";
  }

  private Reader reader(SourceProfile source, IdpCapability capability) {
    if (readsUnavailable(source) != null) {
      throw ActivityFailures.configuration("OneLogin " + capability + " for source " + source.accountId() + "/"
          + source.sourceId() + ": " + readsUnavailable(source));
    }
    OneLoginTarget target = source.onelogin();
    OneLoginSettings account = accounts.get(key(target.apiUrl()));
    return new Reader(clients.computeIfAbsent(key(target.apiUrl()), k -> newClient.apply(account)), target);
  }

  /** One source's reads: its account's client and its app. */
  private final class Reader {
    private final OneLoginClient client;
    private final OneLoginTarget target;

    Reader(OneLoginClient client, OneLoginTarget target) {
      this.client = client;
      this.target = target;
    }

    /**
     * The account's catalog; a kind no type matched is a configuration problem said as one, never an empty answer
     * that would read as "nothing happened".
     */
    OneLoginEventCatalog catalog(OneLoginEventKind... needed) {
      OneLoginEventCatalog catalog = OneLoginEventCatalog.from(client.eventTypes(), rules);
      for (OneLoginEventKind kind : needed) {
        if (catalog.isEmpty(kind)) {
          throw ActivityFailures.configuration("none of OneLogin " + target.apiUrl() + "'s event types matches the "
              + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " rule; set the OneLogin event type patterns"
              + " (README, OneLogin)");
        }
      }
      return catalog;
    }

    /** The app's events of those kinds in the window, oldest first; other apps' events are dropped here. */
    List<OneLoginEvent> appEvents(OneLoginEventCatalog catalog, Instant from, Instant to, OneLoginEventKind... kinds) {
      List<OneLoginEvent> ours = new ArrayList<>();
      for (OneLoginEvent event : client.events(from, to, catalog.ids(kinds))) {
        // The events API has no app filter; OneLogin documents app_id "if applicable", so an event without one is not
        // the app's.
        boolean inWindow = event.time() == null
            || ((from == null || !event.time().isBefore(from)) && (to == null || !event.time().isAfter(to)));
        if (target.appId().equals(event.appId()) && inWindow) {
          ours.add(event);
        }
      }
      ours.sort(Comparator.comparing(OneLoginEvent::time, Comparator.nullsFirst(Comparator.naturalOrder())));
      return ours;
    }
  }

  /** Account URLs compare without case, trailing slash or default port, as people write them differently. */
  static String key(String url) {
    String trimmed = url.strip().toLowerCase(Locale.ROOT);
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.startsWith("https://") && trimmed.endsWith(":443") ? trimmed.substring(0, trimmed.length() - 4) : trimmed;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String shorten(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }
}
