package io.scimplaybook.activities.cato;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cato Management Application GraphQL API: the reads the playbook needs. Every failure surfaces as an
 * {@link ApiCallException}; GraphQL errors arrive as HTTP 200, so the body is always checked for an {@code errors}
 * array. The API key goes into the {@code x-api-key} header only, never into a log line or an exception message.
 */
public class CatoGraphqlClient {
  /**
   * The default {@code fieldsMap} key read as the SCIM source id. EventFieldName has no SCIM-specific field;
   * resource_id ("the ID of the resource in the cloud provider") is its generic one, and nothing documents that SCIM
   * events fill it: a record without it is attributed from its hints (activities.source.SourceAttribution).
   */
  public static final String SOURCE_ID_FIELD = "resource_id";

  /** The {@code fieldsMap} key read as a hint naming the IdP or SCIM app. */
  public static final String RESOURCE_NAME_FIELD = "resource_name";

  public static final String SCIM_PROVISIONING = "SCIM Provisioning";
  public static final String FAILED = "Failed";

  // Bounds keep a misbehaving server (or a huge account) from turning one activity into an endless loop.
  static final int EVENTS_PAGE_SIZE = 1000;
  static final int EVENTS_MAX_PAGES = 10;
  static final int STORIES_PAGE_SIZE = 100;
  static final int STORIES_MAX_PAGES = 20;
  static final int AUDIT_MAX_PAGES = 50;

  private static final Logger log = LoggerFactory.getLogger(CatoGraphqlClient.class);
  private static final List<String> EVENT_DIMENSIONS =
      List.of("time", "event_sub_type", "action", "failure_reason", "event_message", "story_id");

  private final CatoGraphqlTransport transport;
  private final String sourceIdField;

  public CatoGraphqlClient(CatoApiSettings settings) {
    this(settings, new OkHttpClient());
  }

  /** Shares {@code http}'s connection pool; the call timeout still comes from the settings. */
  public CatoGraphqlClient(CatoApiSettings settings, OkHttpClient http) {
    this(settings, http, SOURCE_ID_FIELD);
  }

  /** @param sourceIdField the {@code fieldsMap} key that carries the SCIM source id where an account's events have one */
  public CatoGraphqlClient(CatoApiSettings settings, OkHttpClient http, String sourceIdField) {
    if (sourceIdField == null || sourceIdField.isBlank()) {
      throw new IllegalArgumentException("the source-id field name must not be blank");
    }
    this.sourceIdField = sourceIdField.strip();
    this.transport = new CatoGraphqlTransport(settings, http);
  }

  /** Sends one GraphQL document and returns its {@code data}; {@code operation} names the call in messages. */
  JsonNode execute(String operation, String query, Map<String, Object> variables) {
    return transport.execute(operation, query, variables);
  }

  /** How a GraphQL error's prose is classified; see {@link CatoGraphqlTransport#kindOfGraphqlError}. */
  static Kind kindOfGraphqlError(String messages) {
    return CatoGraphqlTransport.kindOfGraphqlError(messages);
  }

  /**
   * {@code events} of sub-type SCIM Provisioning in {@code timeFrame}, keeping only action Failed (the schema's
   * {@code action} field also carries firewall/QoS actions, so it is matched here rather than filtered server-side).
   *
   * @param timeFrame a Cato TimeFrame, see {@link CatoTimeFrame}
   */
  public List<CatoEvent> failedScimEvents(String accountId, String timeFrame) {
    List<Map<String, Object>> measures = List.of(Map.of("fieldName", "event_count", "aggType", "sum"));
    List<Map<String, Object>> dimensions = new ArrayList<>();
    for (String field : EVENT_DIMENSIONS) {
      dimensions.add(Map.of("fieldName", field));
    }
    dimensions.add(Map.of("fieldName", sourceIdField));
    List<Map<String, Object>> filters =
        List.of(Map.of("fieldName", "event_sub_type", "operator", "is", "values", List.of(SCIM_PROVISIONING)));

    List<CatoEvent> failed = new ArrayList<>();
    int from = 0;
    for (int page = 1; page <= EVENTS_MAX_PAGES; page++) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("accountID", accountId);
      variables.put("timeFrame", timeFrame);
      variables.put("measures", measures);
      variables.put("dimensions", dimensions);
      variables.put("filters", filters);
      variables.put("limit", EVENTS_PAGE_SIZE);
      variables.put("from", from);
      JsonNode events = required(execute("events", CatoQueries.EVENTS, variables), "events", "events");
      JsonNode records = events.path("records");
      int count = 0;
      for (JsonNode record : records) {
        count++;
        CatoEvent event = CatoRecords.toEvent(record.path("fieldsMap"), sourceIdField);
        if (CatoRecords.isFailedScim(event)) {
          failed.add(event);
        }
      }
      from += count;
      int total = events.path("total").asInt(-1);
      if (count < EVENTS_PAGE_SIZE || (total >= 0 && from >= total)) {
        return failed;
      }
    }
    throw incomplete("events", "more than " + EVENTS_MAX_PAGES + " pages of " + EVENTS_PAGE_SIZE
        + " SCIM Provisioning records in " + timeFrame + "; the rest was not read, so none of it is used");
  }

  /**
   * One fetch of the account's {@code eventsFeed} after {@code marker}, asking Cato for sub-type SCIM Provisioning and
   * keeping action Failed here (the feed filters only on event type and sub-type). A per-account {@code errorString}
   * is an error like a GraphQL one: a page without that account's records must not move the marker on.
   *
   * @param marker from the previous fetch; null or empty starts at the oldest event Cato keeps
   */
  public CatoFeedPage scimFailureFeed(String accountId, String marker) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("accountIDs", List.of(accountId));
    variables.put("filters",
        List.of(Map.of("fieldName", "event_sub_type", "operator", "is", "values", List.of(SCIM_PROVISIONING))));
    variables.put("marker", marker == null ? "" : marker);
    JsonNode feed = required(execute("eventsFeed", CatoQueries.EVENTS_FEED, variables), "eventsFeed", "eventsFeed");
    List<CatoFeedRecord> failed = new ArrayList<>();
    for (JsonNode account : feed.path("accounts")) {
      String error = CatoRecords.text(account.path("errorString"));
      if (error != null) {
        String message = transport.errorText(error);
        throw new ApiCallException("Cato eventsFeed", 200, kindOfGraphqlError(message),
            "account " + CatoRecords.text(account.path("id")) + ": " + message);
      }
      for (JsonNode record : account.path("records")) {
        JsonNode fields = record.path("fieldsMap");
        CatoEvent event = CatoRecords.toEvent(fields, sourceIdField);
        if (event.time() == null && record.hasNonNull("time")) {
          event = new CatoEvent(CatoTimes.parse(record.path("time")), event.eventSubType(), event.action(),
              event.failureReason(), event.eventMessage(), event.storyId(), event.sourceId(), event.resourceName());
        }
        if (CatoRecords.isFailedScim(event)) {
          failed.add(new CatoFeedRecord(event, CatoRecords.recordId(record)));
        }
      }
    }
    String next = CatoRecords.text(feed.path("marker"));
    return new CatoFeedPage(next == null ? marker : next, feed.path("fetchedCount").asInt(0), failed);
  }

  /**
   * XOps stories created in {@code timeFrame} whose incident indication mentions SCIM, across every page (bounded).
   */
  public List<CatoStory> scimStories(String accountId, String timeFrame) {
    List<CatoStory> scim = new ArrayList<>();
    int from = 0;
    for (int page = 1; page <= STORIES_MAX_PAGES; page++) {
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("filter", List.of(Map.of("timeFrame", Map.of("time", timeFrame, "timeFrameModifier", "StoryCreate"))));
      input.put("paging", Map.of("from", from, "limit", STORIES_PAGE_SIZE));
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("accountID", accountId);
      variables.put("input", input);
      JsonNode stories =
          required(execute("xdr.stories", CatoQueries.STORIES, variables).path("xdr"), "stories", "xdr.stories");
      int count = 0;
      for (JsonNode item : stories.path("items")) {
        count++;
        CatoStory story = CatoRecords.toStory(item);
        if (story.isScim()) {
          scim.add(story);
        }
      }
      from += count;
      int total = stories.path("paging").path("total").asInt(0);
      if (count == 0 || from >= total) {
        return scim;
      }
    }
    throw incomplete("xdr.stories", "more than " + STORIES_MAX_PAGES + " pages of " + STORIES_PAGE_SIZE
        + " stories in " + timeFrame + "; the rest was not read, so none of it is used");
  }

  /** One story by id; empty when Cato returns none. */
  public Optional<CatoStory> story(String accountId, String storyId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("accountID", accountId);
    variables.put("storyId", storyId);
    JsonNode story = required(execute("xdr.story", CatoQueries.STORY, variables), "xdr", "xdr.story").path("story");
    if (story.isMissingNode() || story.isNull()) {
      return Optional.empty();
    }
    return Optional.of(CatoRecords.toStory(story));
  }

  /** Posts {@code text} as a comment on the story; returns the comment's id (null when Cato returns none). */
  public String addStoryComment(String accountId, String storyId, String text) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("storyId", storyId);
    input.put("text", text);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("accountId", accountId);
    variables.put("input", input);
    JsonNode comment = execute("xdr.addStoryComment", CatoQueries.ADD_STORY_COMMENT, variables)
        .path("xdr").path("addStoryComment").path("comment");
    return comment.path("id").isTextual() ? comment.path("id").asText() : null;
  }

  /** Every Domain-model audit record in {@code timeFrame}, from the first page. */
  public CatoAuditFeed domainAuditFeed(String accountId, String timeFrame) {
    return domainAuditFeed(accountId, timeFrame, null, AuditPageListener.NONE);
  }

  /**
   * Domain-model ({@code model_type is Domain}) audit records in {@code timeFrame}, following {@code marker} while
   * Cato says {@code hasMore}, for at most {@value #AUDIT_MAX_PAGES} pages.
   *
   * @param startMarker a marker from an earlier run to continue from, or null for the first page
   * @param listener told about each page as it arrives
   */
  public CatoAuditFeed domainAuditFeed(
      String accountId, String timeFrame, String startMarker, AuditPageListener listener) {
    List<Map<String, Object>> filters =
        List.of(
            Map.of(
                "fieldName", Map.of("AuditFieldName", "model_type"),
                "operator", "is",
                "values", List.of("Domain")));
    List<CatoAuditRecord> all = new ArrayList<>();
    String marker = startMarker == null ? "" : startMarker;
    for (int page = 1; page <= AUDIT_MAX_PAGES; page++) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("accountIDs", List.of(accountId));
      variables.put("timeFrame", timeFrame);
      variables.put("filters", filters);
      variables.put("marker", marker);
      JsonNode feed = required(execute("auditFeed", CatoQueries.AUDIT_FEED, variables), "auditFeed", "auditFeed");
      List<CatoAuditRecord> records = new ArrayList<>();
      for (JsonNode account : feed.path("accounts")) {
        for (JsonNode record : account.path("records")) {
          records.add(CatoRecords.toAuditRecord(record));
        }
      }
      String next = CatoRecords.text(feed.path("marker"));
      boolean hasMore = feed.path("hasMore").asBoolean(false);
      listener.onPage(page, next, records);
      all.addAll(records);
      if (!hasMore) {
        return new CatoAuditFeed(all, next, page, true);
      }
      if (next == null || next.equals(marker)) {
        // Asking again with the same marker would return the same page forever.
        throw incomplete("auditFeed", "page " + page + " says hasMore but gives no new marker; the Domain changes"
            + " after it cannot be read, so none are used");
      }
      marker = next;
    }
    throw incomplete("auditFeed", "more than " + AUDIT_MAX_PAGES + " pages of Domain changes in " + timeFrame
        + "; the rest was not read, so none of it is used");
  }

  /**
   * The query's own object in {@code data}. A 200 without it (and without errors) is not an empty answer: reading it
   * as one would tell the run that nothing happened.
   */
  private static JsonNode required(JsonNode parent, String field, String operation) {
    JsonNode node = parent.path(field);
    if (!node.isObject()) {
      throw new ApiCallException("Cato " + operation, 200, Kind.UNAVAILABLE,
          "the response holds no " + field + " object (" + (node.isMissingNode() ? "missing" : node.getNodeType()) + ")");
    }
    return node;
  }

  private static ApiCallException incomplete(String operation, String why) {
    log.warn("Cato {}: {}", operation, why);
    return new ApiCallException("Cato " + operation, 200, Kind.INCOMPLETE, why);
  }


}
