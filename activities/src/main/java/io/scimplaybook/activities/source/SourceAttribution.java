package io.scimplaybook.activities.source;

import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.input.SourceProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which configured SCIM source(s) a failure event belongs to: the one implementation behind both the webhook's router
 * and the events-feed poller. The order (README, "Which source an event belongs to"):
 *
 * <ol>
 *   <li>the event's own source id ({@code resource_id}, or the configured field), when it is a usable id;
 *   <li>else its hints, {@code resource_name} and {@code event_message}, matched case-insensitively to the account's
 *       configured sources: a source id equal to {@code resource_name}, a display name contained in the text, or an
 *       IdP the text names (Entra/Azure, Okta, OneLogin) when the account has exactly one source of that IdP;
 *   <li>else the account's only configured source;
 *   <li>else every configured source of the account: each run confirms its own failure at its IdP.
 * </ol>
 *
 * An account with no configured source goes to the run {@code scim-playbook-{account}-unconfigured}, which ends
 * ESCALATED naming the missing {@code scim-playbook.sources} entry; such events are counted per account and logged
 * once per account. Nothing is ever dropped.
 */
public final class SourceAttribution {

  /** Why an event went where it went. */
  public enum Basis { EVENT_SOURCE_ID, NAME, ONLY_SOURCE, EVERY_SOURCE, UNCONFIGURED }

  /** The source ids an event belongs to (never empty) and why. */
  public record Attribution(List<String> sourceIds, Basis basis) {}

  private static final Logger log = LoggerFactory.getLogger(SourceAttribution.class);

  /** Words in an event's text that name an IdP; CUSTOM has none (a generic app has no recognisable name). */
  private static final Map<Idp, List<String>> IDP_WORDS = Map.of(
      Idp.ENTRA_ID, List.of("entra", "azure"),
      Idp.OKTA, List.of("okta"),
      Idp.ONELOGIN, List.of("onelogin", "one login"));

  private final List<SourceProfile> sources;
  private final Map<String, AtomicLong> unconfigured = new ConcurrentHashMap<>();

  public SourceAttribution(List<SourceProfile> sources) {
    this.sources = List.copyOf(sources);
  }

  public Attribution attribute(ScimFailureEvent event) {
    if (PlaybookIds.isValidId(event.sourceId())) {
      return new Attribution(List.of(event.sourceId()), Basis.EVENT_SOURCE_ID);
    }
    List<SourceProfile> ofAccount =
        sources.stream().filter(s -> s.accountId().equals(event.accountId())).toList();
    if (ofAccount.isEmpty()) {
      return new Attribution(List.of(PlaybookIds.UNCONFIGURED_SOURCE), Basis.UNCONFIGURED);
    }
    SourceProfile named = byName(event, ofAccount);
    if (named != null) {
      return new Attribution(List.of(named.sourceId()), Basis.NAME);
    }
    if (ofAccount.size() == 1) {
      return new Attribution(List.of(ofAccount.get(0).sourceId()), Basis.ONLY_SOURCE);
    }
    return new Attribution(ofAccount.stream().map(SourceProfile::sourceId).toList(), Basis.EVERY_SOURCE);
  }

  /**
   * The event once per source it belongs to, each carrying that source's id: what the runs receive. Counts and logs
   * (once per account) the events of accounts without a configured source.
   */
  public List<ScimFailureEvent> attributed(ScimFailureEvent event) {
    Attribution a = attribute(event);
    if (a.basis() == Basis.EVENT_SOURCE_ID) {
      return List.of(event);
    }
    if (a.basis() == Basis.UNCONFIGURED) {
      long count = unconfigured.computeIfAbsent(event.accountId(), k -> new AtomicLong()).incrementAndGet();
      if (count == 1) {
        log.warn("SCIM failure event(s) of Cato account {} name no source and this worker has no scim-playbook.sources"
            + " entry with account-id {}: they go to run {}, which ends ESCALATED naming the missing entry (logged once"
            + " per account; unconfiguredEvents(\"{}\") counts them)", event.accountId(), event.accountId(),
            PlaybookIds.workflowId(event.accountId(), PlaybookIds.UNCONFIGURED_SOURCE), event.accountId());
      }
    } else {
      log.debug("failure event {} of account {} attributed by {} to source(s) {}", event.eventId(), event.accountId(),
          a.basis(), a.sourceIds());
    }
    List<ScimFailureEvent> out = new ArrayList<>(a.sourceIds().size());
    for (String sourceId : a.sourceIds()) {
      out.add(event.withSourceId(sourceId));
    }
    return out;
  }

  /** Events of {@code accountId} seen without a configured source since this worker started. */
  public long unconfiguredEvents(String accountId) {
    AtomicLong n = unconfigured.get(accountId);
    return n == null ? 0 : n.get();
  }

  /** Step 2: the one source the event's hints name, or null when they name none or several. */
  private static SourceProfile byName(ScimFailureEvent event, List<SourceProfile> ofAccount) {
    String resourceName = event.resourceName() == null ? null : event.resourceName().strip();
    if (resourceName != null && !resourceName.isEmpty()) {
      for (SourceProfile s : ofAccount) {
        if (s.sourceId().equals(resourceName)) {
          return s;
        }
      }
    }
    String text = lower(String.join("\n", nonBlank(resourceName, event.eventMessage())));
    if (text.isBlank()) {
      return null;
    }
    List<SourceProfile> byDisplayName = ofAccount.stream()
        .filter(s -> s.displayName() != null && !s.displayName().isBlank() && text.contains(lower(s.displayName())))
        .sorted(Comparator.comparingInt((SourceProfile s) -> s.displayName().length()).reversed())
        .toList();
    if (byDisplayName.size() == 1 || (byDisplayName.size() > 1
        && byDisplayName.get(0).displayName().length() > byDisplayName.get(1).displayName().length())) {
      // Several names contained ("Okta" and "Okta EU"): the longest, most specific one, if it is the only one that long.
      return byDisplayName.get(0);
    }
    Set<Idp> mentioned = EnumSet.noneOf(Idp.class);
    IDP_WORDS.forEach((idp, words) -> {
      if (words.stream().anyMatch(text::contains)) {
        mentioned.add(idp);
      }
    });
    if (mentioned.size() != 1) {
      return null;
    }
    Idp idp = mentioned.iterator().next();
    List<SourceProfile> ofIdp = ofAccount.stream().filter(s -> s.idp() == idp).toList();
    return ofIdp.size() == 1 ? ofIdp.get(0) : null;
  }

  private static List<String> nonBlank(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
