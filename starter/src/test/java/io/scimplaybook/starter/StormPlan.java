package io.scimplaybook.starter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The storm, fixed by a seed: which (account, source) pairs exist, and every event with its pair, time and path.
 * Events are spread unevenly over the pairs (a run that lost or doubled one event shows as a wrong count), every pair
 * gets events from both paths, and event times are shuffled across paths so that a run's first and last seen can come
 * from either.
 */
final class StormPlan {

  /** What one playbook run must have counted once the storm is over. */
  record Expected(String accountId, String sourceId, long count, Instant firstSeen, Instant lastSeen) {}

  static final Instant BASE = Instant.parse("2026-11-29T06:00:00Z");

  final List<String> accounts;
  final List<StormEvent> webhook;
  /**
   * The order the webhook receives them in: every event once, and some with an event id a second time, as a sender
   * retrying a delivery whose answer it never saw. A run counts such a repeat once.
   */
  final List<StormEvent> webhookSends;
  /** Per account, that account's feed events in time order, as Cato's feed lists them. */
  final Map<String, List<StormEvent>> feed;
  final Map<String, Expected> expected;

  private StormPlan(List<String> accounts, List<StormEvent> webhook, List<StormEvent> webhookSends,
      Map<String, List<StormEvent>> feed, Map<String, Expected> expected) {
    this.accounts = accounts;
    this.webhook = webhook;
    this.webhookSends = webhookSends;
    this.feed = feed;
    this.expected = expected;
  }

  static StormPlan generate(long seed, int accountCount, int sourcesPerAccount, int webhookEvents, int feedEvents) {
    Random random = new Random(seed);
    List<String> accounts = new ArrayList<>();
    List<String[]> pairs = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      String account = Integer.toString(4100 + a);
      accounts.add(account);
      for (int s = 0; s < sourcesPerAccount; s++) {
        pairs.add(new String[] {account, Integer.toString(700 + s)});
      }
    }
    if (webhookEvents < pairs.size() || feedEvents < pairs.size()) {
      throw new IllegalArgumentException("each path needs at least one event per pair");
    }
    int total = webhookEvents + feedEvents;
    List<Integer> seconds = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      seconds.add(i);
    }
    Collections.shuffle(seconds, random);

    List<StormEvent> webhook = new ArrayList<>();
    List<StormEvent> feedEvents0 = new ArrayList<>();
    for (int seq = 0; seq < total; seq++) {
      boolean viaFeed = seq >= webhookEvents;
      int index = viaFeed ? seq - webhookEvents : seq;
      // The first event of each path goes to every pair in turn, the rest anywhere.
      String[] pair = pairs.get(index < pairs.size() ? index : random.nextInt(pairs.size()));
      StormEvent.Path path = viaFeed ? StormEvent.Path.FEED
          : seq % 3 == 0 ? StormEvent.Path.WEBHOOK_CATO : StormEvent.Path.WEBHOOK_PLAIN;
      StormEvent event = new StormEvent(seq, pair[0], pair[1], BASE.plusSeconds(seconds.get(seq)), path);
      (viaFeed ? feedEvents0 : webhook).add(event);
    }
    List<StormEvent> sends = new ArrayList<>(webhook);
    webhook.stream().filter(e -> e.webhookEventId() != null && e.seq() % 20 == 7).forEach(sends::add);
    // The webhook receives events out of time order, as retries and parallel senders deliver them.
    Collections.shuffle(sends, random);

    Map<String, List<StormEvent>> feed = new LinkedHashMap<>();
    accounts.forEach(a -> feed.put(a, new ArrayList<>()));
    feedEvents0.stream().sorted(Comparator.comparing(StormEvent::time)).forEach(e -> feed.get(e.accountId()).add(e));

    Map<String, Expected> expected = new TreeMap<>();
    List<StormEvent> all = new ArrayList<>(webhook);
    all.addAll(feedEvents0);
    for (StormEvent e : all) {
      expected.merge(e.workflowId(), new Expected(e.accountId(), e.sourceId(), 1, e.time(), e.time()),
          (a, b) -> new Expected(a.accountId(), a.sourceId(), a.count() + b.count(),
              a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
              a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen()));
    }
    return new StormPlan(List.copyOf(accounts), List.copyOf(webhook), List.copyOf(sends), feed, expected);
  }

  int webhookRepeats() {
    return webhookSends.size() - webhook.size();
  }

  int totalEvents() {
    return webhook.size() + feed.values().stream().mapToInt(List::size).sum();
  }
}
