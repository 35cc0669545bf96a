package io.scimplaybook.starter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Cato's GraphQL endpoint as far as {@code eventsFeed} goes, for several accounts: each account's feed is a list of
 * pages, and the marker Cato hands back names the next page ({@code pos-N}). Pages carry what the real feed carries
 * besides SCIM failures (succeeded syncs, another sub-type, a failure naming no source), which the poller must skip.
 *
 * <p>A page is revealed only once the webhook has accepted a given share of its events, so the poller's deliveries
 * interleave with the webhook's instead of running before or after them. Before that, and after the last page, the
 * feed answers an empty page with the marker unchanged, as Cato does when nothing new happened.
 */
final class StormFeed extends Dispatcher {

  private final ObjectMapper json = new ObjectMapper();
  private final String apiKey;
  private final Map<String, List<String>> pages = new LinkedHashMap<>();
  private final Map<String, List<Integer>> failuresPerPage = new LinkedHashMap<>();
  private final int[] revealAt;
  private final Set<String> rateLimitOnce = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
  private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile IntSupplier webhookAccepted = () -> -1;
  private volatile long firstPageServedNanos;

  /**
   * @param revealAt page {@code k} of every account is served once the webhook has accepted {@code revealAt[k]}
   *     events; an account with more pages than entries reveals the rest with the last entry
   */
  StormFeed(String apiKey, Map<String, List<StormEvent>> feed, int failuresPerPageCount, int[] revealAt) {
    this.apiKey = apiKey;
    this.revealAt = revealAt.clone();
    feed.forEach((account, events) -> {
      List<String> rendered = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (int from = 0; from < events.size(); from += failuresPerPageCount) {
        List<StormEvent> page = events.subList(from, Math.min(events.size(), from + failuresPerPageCount));
        rendered.add(render(account, page, rendered.size()));
        // The poller delivers every failure of the page, including the one without a source per 50 (see addNoise).
        counts.add(page.size() + (page.size() + 49) / 50);
      }
      pages.put(account, rendered);
      failuresPerPage.put(account, counts);
    });
  }

  /** From now on pages are revealed as the webhook makes progress. */
  void open(IntSupplier webhookAcceptedCount) {
    this.webhookAccepted = webhookAcceptedCount;
  }

  /** The first fetch of {@code account}'s page {@code page} is refused for Cato's rate limit. */
  void rateLimitOnce(String account, int page) {
    rateLimitOnce.add(account + "#" + page);
  }

  int pageCount(String account) {
    return pages.get(account).size();
  }

  int failuresOnPage(String account, int page) {
    return failuresPerPage.get(account).get(page);
  }

  /** Failures the poller delivers from the account's whole feed: its events plus the records naming no source. */
  int deliveredFailures(String account) {
    return failuresPerPage.get(account).stream().mapToInt(Integer::intValue).sum();
  }

  int deliveredFailures() {
    return failuresPerPage.keySet().stream().mapToInt(this::deliveredFailures).sum();
  }

  /** The marker the poller must hold once it has read the whole feed of an account. */
  static String markerAfter(int pages) {
    return "pos-" + pages;
  }

  /** How often a page with records was served, per {@code account#page}. */
  Map<String, Integer> servedPages() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    served.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  int rateLimitedAnswers() {
    return rateLimited.get();
  }

  /** eventsFeed requests answered, empty pages and refusals included. */
  int fetches() {
    return fetches.get();
  }

  long firstPageServedNanos() {
    return firstPageServedNanos;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    try {
      if (!apiKey.equals(request.getHeader("x-api-key"))) {
        return problem(401, "request without the API key");
      }
      JsonNode body = json.readTree(request.getBody().readUtf8());
      if (!body.path("query").asText().contains("eventsFeed(")) {
        return problem(400, "not an eventsFeed query: " + body.path("query").asText());
      }
      JsonNode variables = body.path("variables");
      JsonNode filter = variables.path("filters").path(0);
      if (!"event_sub_type".equals(filter.path("fieldName").asText())
          || !"SCIM Provisioning".equals(filter.path("values").path(0).asText())) {
        return problem(400, "the fetch did not filter on SCIM Provisioning: " + variables.path("filters"));
      }
      String account = variables.path("accountIDs").path(0).asText();
      List<String> accountPages = pages.get(account);
      if (accountPages == null || variables.path("accountIDs").size() != 1) {
        return problem(400, "unexpected accountIDs " + variables.path("accountIDs"));
      }
      fetches.incrementAndGet();
      String marker = variables.path("marker").asText("");
      int position = marker.isEmpty() ? 0 : Integer.parseInt(marker.substring("pos-".length()));
      if (position >= accountPages.size() || !revealed(position)) {
        return ok(emptyPage(account, markerAfter(position)));
      }
      if (rateLimitOnce.remove(account + "#" + position)) {
        rateLimited.incrementAndGet();
        return ok("{\"data\":null,\"errors\":[{\"message\":\"rate limit for eventsFeed exceeded, try again later\"}]}");
      }
      if (firstPageServedNanos == 0) {
        firstPageServedNanos = System.nanoTime();
      }
      served.computeIfAbsent(account + "#" + position, k -> new AtomicInteger()).incrementAndGet();
      return ok(accountPages.get(position));
    } catch (Exception e) {
      return problem(500, "the fake feed failed: " + e);
    }
  }

  private boolean revealed(int position) {
    int threshold = revealAt[Math.min(position, revealAt.length - 1)];
    return webhookAccepted.getAsInt() >= threshold;
  }

  private MockResponse problem(int status, String message) {
    problems.add(message);
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody("{\"errors\":[{\"message\":\"" + message.replace("\"", "'") + "\"}]}");
  }

  private static MockResponse ok(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private String emptyPage(String account, String marker) {
    return "{\"data\":{\"eventsFeed\":{\"marker\":\"" + marker + "\",\"fetchedCount\":0,\"accounts\":[{\"id\":\""
        + account + "\",\"errorString\":null,\"records\":[]}]}}}";
  }

  /** A page as Cato sends it: the failures in order, with the other records the sub-type filter lets through. */
  private String render(String account, List<StormEvent> failures, int position) {
    ObjectNode root = json.createObjectNode();
    ObjectNode feed = root.putObject("data").putObject("eventsFeed");
    feed.put("marker", markerAfter(position + 1));
    ObjectNode acc = feed.putArray("accounts").addObject();
    acc.put("id", account);
    acc.putNull("errorString");
    ArrayNode records = acc.putArray("records");
    int i = 0;
    for (StormEvent e : failures) {
      ObjectNode fields = record(records, e.time(), "cato-ev-" + e.seq());
      fields.put("event_sub_type", "SCIM Provisioning");
      fields.put("action", "Failed");
      fields.put("failure_reason", e.reason());
      fields.put("event_message", "SCIM provisioning from Entra ID failed");
      fields.put("story_id", e.storyId());
      fields.put("resource_id", e.sourceId());
      if (i++ % 50 == 0) {
        addNoise(records, e, position);
      }
    }
    feed.put("fetchedCount", records.size());
    return root.toString();
  }

  /**
   * Three records that are no SCIM failure of a known source: the first two may reach no run; the third, a failure
   * naming no source, is attributed (to the account's "unconfigured" run, as the storm's worker configures no source).
   */
  private void addNoise(ArrayNode records, StormEvent near, int position) {
    ObjectNode succeeded = record(records, near.time(), "cato-ok-" + near.seq());
    succeeded.put("event_sub_type", "SCIM Provisioning");
    succeeded.put("action", "Succeeded");
    succeeded.put("event_message", "SCIM provisioning from Entra ID succeeded");
    succeeded.put("resource_id", near.sourceId());
    ObjectNode otherSubType = record(records, near.time(), "cato-ips-" + near.seq());
    otherSubType.put("event_sub_type", "IPS");
    otherSubType.put("action", "Failed");
    otherSubType.put("resource_id", near.sourceId());
    ObjectNode noSource = record(records, near.time(), "cato-nosrc-" + near.seq());
    noSource.put("event_sub_type", "SCIM Provisioning");
    noSource.put("action", "Failed");
    noSource.put("failure_reason", "no resource id on page " + position);
  }

  private static ObjectNode record(ArrayNode records, Instant time, String eventId) {
    ObjectNode record = records.addObject();
    record.put("time", time.toString());
    ObjectNode fields = record.putObject("fieldsMap");
    fields.put("event_id", eventId);
    fields.put("time", time.toString());
    fields.put("event_type", "System");
    return fields;
  }
}
