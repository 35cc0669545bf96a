package io.scimplaybook.activities.cato;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.activities.http.ApiCallException.Kind;
import io.scimplaybook.activities.http.Json;
import io.scimplaybook.activities.http.Redaction;
import io.scimplaybook.activities.http.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
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
  private static final MediaType JSON = MediaType.get("application/json");
  private static final int MAX_ERROR_TEXT = 500;
  private static final List<String> EVENT_DIMENSIONS =
      List.of("time", "event_sub_type", "action", "failure_reason", "event_message", "story_id");

  private final CatoApiSettings settings;
  private final OkHttpClient http;
  private final String sourceIdField;
  private final ObjectMapper mapper = Json.mapper();

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
    this.settings = settings;
    this.http = http.newBuilder().callTimeout(settings.timeout()).build();
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
      JsonNode events = execute("events", CatoQueries.EVENTS, variables).path("events");
      JsonNode records = events.path("records");
      int count = 0;
      for (JsonNode record : records) {
        count++;
        CatoEvent event = toEvent(record.path("fieldsMap"));
        if (isFailedScim(event)) {
          failed.add(event);
        }
      }
      from += count;
      int total = events.path("total").asInt(-1);
      if (count < EVENTS_PAGE_SIZE || (total >= 0 && from >= total)) {
        return failed;
      }
    }
    log.warn("Cato events: stopped after {} pages of {} records; later records were not read", EVENTS_MAX_PAGES,
        EVENTS_PAGE_SIZE);
    return failed;
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
    JsonNode feed = execute("eventsFeed", CatoQueries.EVENTS_FEED, variables).path("eventsFeed");
    List<CatoFeedRecord> failed = new ArrayList<>();
    for (JsonNode account : feed.path("accounts")) {
      String error = text(account.path("errorString"));
      if (error != null) {
        String message = Redaction.shorten(redact(error), MAX_ERROR_TEXT);
        throw new ApiCallException("Cato eventsFeed", 200, kindOfGraphqlError(message),
            "account " + text(account.path("id")) + ": " + message);
      }
      for (JsonNode record : account.path("records")) {
        JsonNode fields = record.path("fieldsMap");
        CatoEvent event = toEvent(fields);
        if (event.time() == null && record.hasNonNull("time")) {
          event = new CatoEvent(CatoTimes.parse(record.path("time")), event.eventSubType(), event.action(),
              event.failureReason(), event.eventMessage(), event.storyId(), event.sourceId(), event.resourceName());
        }
        if (isFailedScim(event)) {
          failed.add(new CatoFeedRecord(event, recordId(record)));
        }
      }
    }
    String next = text(feed.path("marker"));
    return new CatoFeedPage(next == null ? marker : next, feed.path("fetchedCount").asInt(0), failed);
  }

  /** Longest Cato event id taken as is; the webhook refuses longer ids, so both routes agree on what an id is. */
  static final int MAX_EVENT_ID = 128;

  /**
   * A stable id for a feed record: the same record fetched twice (a page fetched again after a failed delivery) gets
   * the same id. Cato's own {@code event_id} when the record has one, so that an event arriving both by the CMA
   * webhook (whose template carries {@code event_id}) and by the feed is counted once in its run; otherwise a hash of
   * the record's time and every field, keys sorted, so it needs no particular field to exist.
   */
  static String recordId(JsonNode record) {
    String catoId = text(record.path("fieldsMap").path("event_id"));
    if (catoId != null && !catoId.isBlank() && catoId.length() <= MAX_EVENT_ID) {
      return catoId;
    }
    StringBuilder canonical = new StringBuilder();
    canonical.append(record.path("time").asText("")).append('\n');
    List<String> keys = new ArrayList<>();
    record.path("fieldsMap").fieldNames().forEachRemaining(keys::add);
    keys.sort(null);
    for (String key : keys) {
      canonical.append(key).append('=').append(record.path("fieldsMap").path(key).asText("")).append('\n');
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "cato-feed-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
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
      JsonNode stories = execute("xdr.stories", CatoQueries.STORIES, variables).path("xdr").path("stories");
      int count = 0;
      for (JsonNode item : stories.path("items")) {
        count++;
        CatoStory story = toStory(item);
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
    log.warn("Cato xdr.stories: stopped after {} pages of {} stories; later stories were not read",
        STORIES_MAX_PAGES, STORIES_PAGE_SIZE);
    return scim;
  }

  /** One story by id; empty when Cato returns none. */
  public Optional<CatoStory> story(String accountId, String storyId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("accountID", accountId);
    variables.put("storyId", storyId);
    JsonNode story = execute("xdr.story", CatoQueries.STORY, variables).path("xdr").path("story");
    if (story.isMissingNode() || story.isNull()) {
      return Optional.empty();
    }
    return Optional.of(toStory(story));
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
      JsonNode feed = execute("auditFeed", CatoQueries.AUDIT_FEED, variables).path("auditFeed");
      List<CatoAuditRecord> records = new ArrayList<>();
      for (JsonNode account : feed.path("accounts")) {
        for (JsonNode record : account.path("records")) {
          records.add(toAuditRecord(record));
        }
      }
      String next = text(feed.path("marker"));
      boolean hasMore = feed.path("hasMore").asBoolean(false);
      listener.onPage(page, next, records);
      all.addAll(records);
      if (!hasMore) {
        return new CatoAuditFeed(all, next, page, true);
      }
      if (next == null || next.equals(marker)) {
        // Asking again with the same marker would return the same page forever.
        log.warn("Cato auditFeed: hasMore without a new marker after page {}; stopping", page);
        return new CatoAuditFeed(all, next, page, false);
      }
      marker = next;
    }
    log.warn("Cato auditFeed: stopped after {} pages while more records remain", AUDIT_MAX_PAGES);
    return new CatoAuditFeed(all, marker, AUDIT_MAX_PAGES, false);
  }

  /**
   * Sends one GraphQL document and returns its {@code data}.
   *
   * @param operation names the call in exception messages
   */
  JsonNode execute(String operation, String query, Map<String, Object> variables) {
    String api = "Cato " + operation;
    byte[] body;
    try {
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("query", query);
      payload.put("variables", variables);
      body = mapper.writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new ApiCallException(api, 0, Kind.INVALID_REQUEST, "could not encode the request", null, null);
    }
    Request request =
        new Request.Builder()
            .url(settings.graphqlUrl())
            .header("x-api-key", settings.apiKey())
            .header("Accept", "application/json")
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody responseBody = response.body();
      String text = responseBody == null ? "" : responseBody.string();
      JsonNode json = parseOrNull(text);
      if (!response.isSuccessful()) {
        int status = response.code();
        String detail = json == null ? "" : errorMessages(json);
        throw new ApiCallException(
            api, status, ApiCallException.kindOf(status),
            "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail),
            RetryAfter.parse(response.header("Retry-After"), Clock.systemUTC()), null);
      }
      if (json == null) {
        // A 200 that is not JSON is a proxy or gateway page, not Cato: worth another try later.
        throw new ApiCallException(api, response.code(), Kind.UNAVAILABLE, "the response is not JSON");
      }
      JsonNode errors = json.path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        String messages = errorMessages(json);
        throw new ApiCallException(api, response.code(), kindOfGraphqlError(messages), "GraphQL error: " + messages);
      }
      return json.path("data");
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : ": " + redact(e.getMessage());
      throw new ApiCallException(
          api, 0, Kind.UNAVAILABLE, "request failed (" + e.getClass().getSimpleName() + reason + ")", null, e);
    }
  }

  /**
   * Cato reports every problem as a GraphQL error with prose; the prose is all there is to classify. Rate limits
   * come first because their text can also mention the API key ("rate limit ... for api key").
   */
  static Kind kindOfGraphqlError(String messages) {
    String m = messages.toLowerCase(Locale.ROOT);
    if (m.contains("rate limit") || m.contains("too many requests")) {
      return Kind.RATE_LIMITED;
    }
    if (m.contains("permission") || m.contains("unauthorized") || m.contains("unauthenticated")
        || m.contains("api key") || m.contains("apikey")) {
      return Kind.AUTHENTICATION;
    }
    return Kind.INVALID_REQUEST;
  }

  private CatoEvent toEvent(JsonNode fields) {
    return new CatoEvent(
        CatoTimes.parse(fields.path("time")),
        text(fields.path("event_sub_type")),
        text(fields.path("action")),
        text(fields.path("failure_reason")),
        text(fields.path("event_message")),
        text(fields.path("story_id")),
        text(fields.path(sourceIdField)),
        text(fields.path(RESOURCE_NAME_FIELD)));
  }

  private static boolean isFailedScim(CatoEvent event) {
    boolean failed = FAILED.equalsIgnoreCase(event.action());
    // The filter already asks for the sub-type; a record that names another one is not trusted.
    boolean scim = event.eventSubType() == null || SCIM_PROVISIONING.equalsIgnoreCase(event.eventSubType());
    return failed && scim;
  }

  private static CatoStory toStory(JsonNode node) {
    JsonNode incident = node.path("incident");
    CatoIncident parsedIncident =
        incident.isObject()
            ? new CatoIncident(
                text(incident.path("id")),
                text(incident.path("indication")),
                text(incident.path("status")),
                CatoTimes.parse(incident.path("firstSignal")),
                CatoTimes.parse(incident.path("lastSignal")),
                text(incident.path("producer")),
                text(incident.path("producerName")))
            : null;
    return new CatoStory(
        text(node.path("id")),
        CatoTimes.parse(node.path("createdAt")),
        CatoTimes.parse(node.path("updatedAt")),
        text(node.path("summary")),
        text(node.path("playbook")),
        parsedIncident);
  }

  private static CatoAuditRecord toAuditRecord(JsonNode node) {
    JsonNode fieldsMap = node.path("fieldsMap");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : fieldsMap.properties()) {
      String value = entry.getValue().isValueNode() ? text(entry.getValue()) : entry.getValue().toString();
      if (value != null) {
        fields.put(entry.getKey(), value);
      }
    }
    String actor = firstNonBlank(
        text(node.path("admin").path("name")), text(node.path("apiKey").path("name")), fields.get("admin"));
    JsonNode time = node.hasNonNull("time") ? node.path("time") : fieldsMap.path("time");
    return new CatoAuditRecord(
        CatoTimes.parse(time),
        actor,
        fields.get("change_type"),
        fields.get("model_type"),
        fields.get("model_name"),
        text(node.path("object").path("type")),
        text(node.path("object").path("name")),
        fields);
  }

  private JsonNode parseOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(text);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The {@code errors[].message} texts, joined, redacted and bounded: they end up in workflow history. */
  private String errorMessages(JsonNode json) {
    List<String> messages = new ArrayList<>();
    for (JsonNode error : json.path("errors")) {
      String message = text(error.path("message"));
      if (message != null) {
        messages.add(message);
      }
    }
    return Redaction.shorten(redact(String.join("; ", messages)), MAX_ERROR_TEXT);
  }

  /** Servers sometimes echo request headers in errors; the key must not travel on from here. */
  private String redact(String text) {
    return Redaction.redact(text, settings.apiKey());
  }

  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
