package io.scimplaybook.workflows;

import io.scimplaybook.api.FleetWatchWorkflow;
import io.scimplaybook.api.activities.FleetActivities;
import io.scimplaybook.api.fleet.AffectedSource;
import io.scimplaybook.api.fleet.FleetBatch;
import io.scimplaybook.api.fleet.FleetCarryOver;
import io.scimplaybook.api.fleet.FleetIncident;
import io.scimplaybook.api.fleet.FleetIncidentDetail;
import io.scimplaybook.api.fleet.FleetInput;
import io.scimplaybook.api.fleet.FleetMark;
import io.scimplaybook.api.fleet.FleetNotice;
import io.scimplaybook.api.fleet.FleetScope;
import io.scimplaybook.api.fleet.ReasonKey;
import io.scimplaybook.api.fleet.FleetSettings;
import io.scimplaybook.api.fleet.FleetSighting;
import io.scimplaybook.api.fleet.FleetStatus;
import io.scimplaybook.api.fleet.FleetVerdict;
import io.scimplaybook.api.fleet.SourceFailure;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The fleet watch (README, "Provider incidents"). Sightings arrive by signal into an inbox; the loop counts them,
 * declares an incident when one reason key reaches the threshold of distinct sources inside the window (first across
 * accounts, else inside the sighting's IdP tenant), adds later sources of that key and scope to it, clears it after the
 * quiet period, and tells the affected runs each time. It continues as new past its history limit carrying its whole
 * state, so a storm of sightings never grows one history without bound.
 *
 * <p>A source belongs to at most one open incident per key: sources already in one do not count towards another.
 */
public class FleetWatchWorkflowImpl implements FleetWatchWorkflow {

  private static final Logger log = Workflow.getLogger(FleetWatchWorkflowImpl.class);
  /** Cleared incidents kept for the CLI, and the sources each keeps once cleared. */
  static final int RECENT_INCIDENTS = 20;
  static final int RECENT_AFFECTED = 200;
  /** Sighting ids remembered against retried deliveries; a retry comes within minutes. */
  static final int COUNTED_IDS = 2_000;
  /** Bounds one open incident's source list (its count stays exact); a payload stays far under 2 MB. */
  static final int OPEN_AFFECTED = 5_000;

  private final FleetActivities runs = Workflow.newActivityStub(FleetActivities.class,
      ActivityOptions.newBuilder(ActivityPolicies.fleetNotice())
          .setSummary("tell the affected playbook runs about the fleet incident").build());

  private final List<FleetSighting> inbox = new ArrayList<>();
  private FleetSettings settings = FleetSettings.defaults();
  private final List<Incident> open = new ArrayList<>();
  private final List<FleetIncidentDetail> recent = new ArrayList<>();
  /** key → workflow id → latest sighting of that source with that key. */
  private final Map<String, Map<String, FleetMark>> marks = new LinkedHashMap<>();
  private final RecentIds counted = new RecentIds(COUNTED_IDS);
  private final List<FleetNotice> outbox = new ArrayList<>();
  private final List<List<String>> outboxTargets = new ArrayList<>();
  private int sequence;
  private long sightings;
  private int continuedRuns;

  @Override
  public void run(FleetInput input) {
    if (input.settings() != null) {
      settings = input.settings();
    }
    FleetCarryOver carried = input.carried();
    if (carried != null) {
      restore(carried);
    }
    while (true) {
      while (!inbox.isEmpty()) {
        count(inbox.remove(0));
      }
      clearQuiet();
      // Not a command: the UI shows the incidents as the CLI does.
      Workflow.setCurrentDetails(FleetDetails.render(status()));
      sendNotices();
      // Checked even while sightings keep coming: those that arrived meanwhile travel in the hand-over.
      if (Workflow.getInfo().getHistoryLength() >= settings.historyLimit()
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        continueAsNew();
      }
      if (!inbox.isEmpty()) {
        continue;
      }
      Instant next = nextClearing();
      if (next == null) {
        Workflow.await(() -> !inbox.isEmpty());
      } else {
        Duration left = Duration.between(now(), next);
        if (left.isNegative() || left.isZero()) {
          continue;
        }
        Workflow.await(left, () -> !inbox.isEmpty());
      }
    }
  }

  // ---- counting ------------------------------------------------------------------------------------------------

  private void count(FleetSighting s) {
    if (s.id() != null && !counted.add(s.id())) {
      return;
    }
    if (s.settings() != null) {
      settings = s.settings();
    }
    sightings++;
    Instant now = now();
    SourceFailure f = s.failure();
    marks.computeIfAbsent(s.key(), k -> new LinkedHashMap<>()).put(f.workflowId(), new FleetMark(s.key(), f, now));
    pruneMarks(now);
    Incident joined = covering(s.key(), f);
    if (joined != null) {
      joined.add(f, now);
      return;
    }
    // Across accounts, every source of the key in the window counts, those in a tenant's incident too: an outage
    // that first showed inside one tenant and then elsewhere is one incident, which takes the tenant's over.
    List<FleetMark> all = inWindow(s.key(), now);
    Set<String> accounts = new LinkedHashSet<>();
    all.forEach(m -> accounts.add(m.failure().accountId()));
    if (all.size() >= settings.threshold() && accounts.size() >= 2) {
      declare(s, FleetScope.ACROSS_ACCOUNTS, accounts.size() + " accounts", all, now);
      return;
    }
    List<FleetMark> free = uncovered(s.key(), now);
    String tenant = f.tenantKey();
    if (tenant != null && !ReasonKey.namesRefusedToken(s.key())) {
      List<FleetMark> inTenant = free.stream().filter(m -> tenant.equals(m.failure().tenantKey())).toList();
      if (inTenant.size() >= settings.threshold()) {
        declare(s, FleetScope.TENANT, tenant, inTenant, now);
      }
    }
  }

  /** The open incident of this key whose scope takes this source: any source across accounts, its own tenant. */
  private Incident covering(String key, SourceFailure f) {
    for (Incident i : open) {
      if (!i.key.equals(key)) {
        continue;
      }
      if (i.affected.containsKey(f.workflowId()) || i.scope == FleetScope.ACROSS_ACCOUNTS
          || i.scopeLabel.equals(f.tenantKey())) {
        return i;
      }
    }
    return null;
  }

  private List<FleetMark> inWindow(String key, Instant now) {
    Instant from = now.minus(settings.window());
    return marks.getOrDefault(key, Map.of()).values().stream().filter(m -> !m.at().isBefore(from)).toList();
  }

  /** Marks of the key inside the window whose source is in no open incident of that key. */
  private List<FleetMark> uncovered(String key, Instant now) {
    Instant from = now.minus(settings.window());
    List<FleetMark> free = new ArrayList<>();
    for (FleetMark m : marks.getOrDefault(key, Map.of()).values()) {
      if (m.at().isBefore(from)) {
        continue;
      }
      boolean taken = false;
      for (Incident i : open) {
        taken |= i.key.equals(key) && i.affected.containsKey(m.failure().workflowId());
      }
      if (!taken) {
        free.add(m);
      }
    }
    return free;
  }

  private void pruneMarks(Instant now) {
    Instant from = now.minus(settings.window());
    marks.values().forEach(bySource -> bySource.values().removeIf(m -> m.at().isBefore(from)));
    marks.values().removeIf(Map::isEmpty);
  }

  private void declare(FleetSighting s, FleetScope scope, String label, List<FleetMark> members, Instant now) {
    sequence++;
    Incident i = new Incident("F" + sequence, s.key(), s.failure().reason(), scope, label, now);
    if (scope == FleetScope.ACROSS_ACCOUNTS) {
      // Tenant incidents of the same key become part of this one; their runs hear of it by the declaration below.
      for (Incident absorbed : List.copyOf(open)) {
        if (absorbed.key.equals(s.key())) {
          open.remove(absorbed);
          absorbed.affected.values().forEach(a -> i.take(a));
          i.absorbed.add(absorbed.id);
        }
      }
    }
    members.forEach(m -> i.add(m.failure(), m.at()));
    i.lastSightingAt = now;
    open.add(i);
    log.warn("suspected provider incident {} declared: reason '{}', {} sources, {}", i.id, i.key, i.count, label);
    queue(FleetNotice.Kind.DECLARED, i);
  }

  // ---- clearing --------------------------------------------------------------------------------------------------

  private Instant nextClearing() {
    Instant next = null;
    for (Incident i : open) {
      Instant due = i.lastSightingAt.plus(settings.quietPeriod());
      if (next == null || due.isBefore(next)) {
        next = due;
      }
    }
    return next;
  }

  private void clearQuiet() {
    Instant now = now();
    for (Incident i : List.copyOf(open)) {
      if (!now.isBefore(i.lastSightingAt.plus(settings.quietPeriod()))) {
        i.clearedAt = now;
        open.remove(i);
        List<AffectedSource> kept = i.sources();
        recent.add(0, new FleetIncidentDetail(i.summary(), kept.subList(0, Math.min(kept.size(), RECENT_AFFECTED))));
        while (recent.size() > RECENT_INCIDENTS) {
          recent.remove(recent.size() - 1);
        }
        log.info("fleet incident {} cleared after {} without a new failure", i.id, settings.quietPeriod());
        queue(FleetNotice.Kind.CLEARED, i);
      }
    }
  }

  // ---- telling the runs ------------------------------------------------------------------------------------------

  private void queue(FleetNotice.Kind kind, Incident i) {
    outbox.add(new FleetNotice(kind, i.summary()));
    outboxTargets.add(List.copyOf(i.affected.keySet()));
  }

  private void sendNotices() {
    while (!outbox.isEmpty()) {
      FleetNotice notice = outbox.remove(0);
      List<String> targets = outboxTargets.remove(0);
      try {
        runs.tellFleetRuns(targets, notice);
      } catch (ActivityFailure f) {
        // Not fatal: a held run still ends its hold at max-hold, and asks people then.
        log.warn("could not tell the runs of fleet incident {} that it was {}: {}", notice.incident().id(),
            notice.kind(), Reasons.of(f));
      }
    }
  }

  // ---- continue-as-new -------------------------------------------------------------------------------------------

  private void continueAsNew() {
    List<FleetMark> kept = new ArrayList<>();
    marks.values().forEach(bySource -> kept.addAll(bySource.values()));
    List<FleetIncidentDetail> openNow = open.stream().map(i -> new FleetIncidentDetail(i.summary(), i.sources())).toList();
    Workflow.continueAsNew(new FleetInput(settings, new FleetCarryOver(sequence, openNow, List.copyOf(recent), kept,
        counted.ids(), List.copyOf(inbox), sightings, continuedRuns + 1)));
  }

  private void restore(FleetCarryOver c) {
    sequence = c.incidentSequence();
    sightings = c.sightings();
    continuedRuns = c.continuedRuns();
    if (c.open() != null) {
      c.open().forEach(d -> open.add(Incident.restore(d)));
    }
    if (c.recent() != null) {
      recent.addAll(c.recent());
    }
    if (c.marks() != null) {
      c.marks().forEach(m -> marks.computeIfAbsent(m.key(), k -> new LinkedHashMap<>()).put(m.failure().workflowId(), m));
    }
    if (c.countedIds() != null) {
      c.countedIds().forEach(counted::add);
    }
    if (c.pending() != null) {
      // Ahead of whatever reached this run's inbox before its first task: they came first.
      inbox.addAll(0, c.pending());
    }
  }

  // ---- signal and queries ----------------------------------------------------------------------------------------

  @Override
  public void sighted(FleetSighting sighting) {
    // A handler never throws: a sighting that cannot be counted is logged and left out.
    if (sighting == null || sighting.failure() == null || sighting.key() == null
        || sighting.failure().workflowId() == null) {
      log.warn("fleet watch ignored a sighting without a source or reason key");
      return;
    }
    inbox.add(sighting);
  }

  @Override
  public void sightedAll(FleetBatch batch) {
    if (batch == null) {
      log.warn("fleet watch ignored a batch without sightings");
      return;
    }
    batch.sightings().forEach(this::sighted);
  }

  @Override
  public FleetVerdict verdict(FleetSighting sighting) {
    boolean seen = sighting.id() != null && counted.contains(sighting.id());
    Incident i = null;
    for (Incident candidate : open) {
      if (candidate.key.equals(sighting.key()) && candidate.affected.containsKey(sighting.failure().workflowId())) {
        i = candidate;
      }
    }
    return new FleetVerdict(seen, settings, i == null ? null : i.summary());
  }

  @Override
  public FleetStatus status() {
    int tracked = 0;
    for (Map<String, FleetMark> bySource : marks.values()) {
      tracked += bySource.size();
    }
    return new FleetStatus(settings, open.stream().map(i -> new FleetIncidentDetail(i.summary(), i.sources())).toList(),
        List.copyOf(recent), sightings, tracked, continuedRuns);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** An open incident while the watch counts it. */
  private static final class Incident {
    final String id;
    final String key;
    final String reason;
    final FleetScope scope;
    final String scopeLabel;
    final Instant declaredAt;
    Instant lastSightingAt;
    Instant clearedAt;
    int count;
    final Map<String, AffectedSource> affected = new LinkedHashMap<>();
    /** Tenant incidents this one took over; their runs are told of this one instead. */
    final List<String> absorbed = new ArrayList<>();

    Incident(String id, String key, String reason, FleetScope scope, String scopeLabel, Instant declaredAt) {
      this.id = id;
      this.key = key;
      this.reason = reason;
      this.scope = scope;
      this.scopeLabel = scopeLabel;
      this.declaredAt = declaredAt;
      this.lastSightingAt = declaredAt;
    }

    static Incident restore(FleetIncidentDetail d) {
      FleetIncident s = d.incident();
      Incident i = new Incident(s.id(), s.key(), s.reason(), s.scope(), s.scopeLabel(), s.declaredAt());
      i.lastSightingAt = s.lastSightingAt();
      d.affected().forEach(a -> i.affected.put(a.workflowId(), a));
      i.count = s.affectedSources();
      return i;
    }

    void add(SourceFailure f, Instant at) {
      lastSightingAt = at.isAfter(lastSightingAt) ? at : lastSightingAt;
      if (affected.containsKey(f.workflowId())) {
        return;
      }
      count++;
      if (affected.size() < OPEN_AFFECTED) {
        affected.put(f.workflowId(), AffectedSource.from(f, at));
      }
    }

    void take(AffectedSource a) {
      if (affected.containsKey(a.workflowId())) {
        return;
      }
      count++;
      if (affected.size() < OPEN_AFFECTED) {
        affected.put(a.workflowId(), a);
      }
    }

    List<AffectedSource> sources() {
      return List.copyOf(affected.values());
    }

    FleetIncident summary() {
      return new FleetIncident(id, key, reason, scope, scopeLabel, count, declaredAt, lastSightingAt, clearedAt);
    }
  }
}
