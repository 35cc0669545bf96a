package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/graphql2}: Cato's GraphQL API for the queries the playbook uses ({@code events}, {@code
 * eventsFeed}, {@code auditFeed}, {@code xdr { stories | story }}). The request is routed on its operation's first
 * field; the response carries the whole object whatever the selection set asked for, which a client that reads the
 * fields it selected never notices.
 *
 * <p>A missing or wrong {@code x-api-key} gets HTTP 401 with a GraphQL-style {@code errors} body. Everything else,
 * including an account the key cannot see and an unreadable time frame, is HTTP 200 with an {@code errors} array, as
 * Cato answers.
 */
final class CatoGraphqlHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CatoGraphqlHandler.class);
  private static final String AUDIT_MARKER = "sbx-audit-";
  private static final String FEED_MARKER = "sbx-feed-";

  private final ScenarioState state;
  private final SandboxConfig config;

  CatoGraphqlHandler(ScenarioState state) {
    this.state = state;
    this.config = state.config();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      HttpExchanges.sendJson(exchange, 405, errorsOnly("GraphQL requests must be POSTed"));
      return;
    }
    if (!Tokens.same(exchange.getRequestHeaders().getFirst("x-api-key"), config.catoApiKey())) {
      HttpExchanges.sendJson(exchange, 401, errorsOnly("permission denied: missing or invalid x-api-key"));
      return;
    }
    Optional<GraphqlRequest> request = GraphqlRequest.from(HttpExchanges.jsonBody(exchange));
    if (request.isEmpty()) {
      HttpExchanges.sendJson(exchange, 400, errorsOnly("the body must be JSON with a \"query\" string"));
      return;
    }
    HttpExchanges.sendJson(exchange, 200, answer(request.get()));
  }

  private ObjectNode answer(GraphqlRequest req) {
    String field = req.operationField();
    return switch (field) {
      case "auditFeed" -> auditFeed(req);
      case "eventsFeed" -> eventsFeed(req);
      case "events" -> events(req);
      case "xdr" -> {
        String child = req.firstChildOf("xdr").orElse("");
        if (child.equals("stories")) {
          yield stories(req);
        }
        if (child.equals("story")) {
          yield story(req);
        }
        if (child.equals("addStoryComment")) {
          yield addStoryComment(req);
        }
        yield errorsOnly("the sandbox answers xdr { stories } and xdr { story } only, not '" + child + "'");
      }
      default -> errorsOnly("Cannot query field '" + field + "' on type 'Query' (not served by the sandbox)");
    };
  }

  private ObjectNode events(GraphqlRequest req) {
    String accountId = req.stringArgument("accountID");
    if (!config.accountId().equals(accountId)) {
      return accountError("events", accountId);
    }
    Optional<TimeWindow> window = window(req.stringArgument("timeFrame"));
    if (window.isEmpty()) {
      return timeFrameError("events", req.stringArgument("timeFrame"));
    }
    FieldFilters filters = FieldFilters.from(req.argument("filters"));
    ArrayNode records = Json.array();
    for (FailureEvent event : state.failureEvents()) {
      Map<String, String> fields = CatoEventJson.fieldsMap(event, config);
      if (window.get().contains(event.time()) && filters.matches(fields)) {
        records.add(CatoEventJson.eventsRecord(fields));
      }
    }
    ObjectNode events = Json.object();
    events.put("id", Tokens.hex(12));
    events.put("from", Json.time(window.get().from()));
    events.put("to", Json.time(window.get().to()));
    events.put("total", records.size());
    events.putObject("totals").put("event_count", records.size());
    events.set("records", records);
    return data("events", events);
  }

  private ObjectNode eventsFeed(GraphqlRequest req) {
    Optional<String> badAccount = unknownAccount(req);
    if (badAccount.isPresent()) {
      return accountError("eventsFeed", badAccount.get());
    }
    FieldFilters filters = FieldFilters.from(req.argument("filters"));
    List<FailureEvent> all = state.failureEvents();
    int position = Math.min(markerPosition(req.stringArgument("marker"), FEED_MARKER), all.size());
    ArrayNode records = Json.array();
    for (FailureEvent event : all.subList(position, all.size())) {
      Map<String, String> fields = CatoEventJson.fieldsMap(event, config);
      if (filters.matches(fields)) {
        records.add(CatoEventJson.feedRecord(event, fields));
      }
    }
    ObjectNode feed = Json.object();
    feed.put("marker", FEED_MARKER + all.size());
    feed.put("fetchedCount", records.size());
    ObjectNode account = feed.putArray("accounts").addObject();
    account.put("id", config.accountId());
    account.putNull("errorString");
    account.set("records", records);
    return data("eventsFeed", feed);
  }

  /**
   * The audit trail always comes in two pages when it has anything to say, so clients' paging is exercised: page one
   * holds the first half (at least one record) with {@code hasMore} and a marker, page two the rest without.
   */
  private ObjectNode auditFeed(GraphqlRequest req) {
    Optional<String> badAccount = unknownAccount(req);
    if (badAccount.isPresent()) {
      return accountError("auditFeed", badAccount.get());
    }
    Optional<TimeWindow> window = window(req.stringArgument("timeFrame"));
    if (window.isEmpty()) {
      return timeFrameError("auditFeed", req.stringArgument("timeFrame"));
    }
    FieldFilters filters = FieldFilters.from(req.argument("filters"));
    List<AuditEntry> matching = new ArrayList<>();
    for (AuditEntry entry : state.auditTrail()) {
      if (window.get().contains(entry.time()) && filters.matches(CatoAuditJson.fieldsMap(entry, config))) {
        matching.add(entry);
      }
    }
    matching.sort(Comparator.comparing(AuditEntry::time));
    int total = matching.size();
    int pageSize = Math.max(1, (total + 1) / 2);
    int from = Math.min(markerPosition(req.stringArgument("marker"), AUDIT_MARKER), total);
    int to = Math.min(from + pageSize, total);
    boolean hasMore = (from == 0 && total > 0) || to < total;

    ArrayNode records = Json.array();
    for (AuditEntry entry : matching.subList(from, to)) {
      records.add(CatoAuditJson.record(entry, CatoAuditJson.fieldsMap(entry, config), config));
    }
    ObjectNode feed = Json.object();
    feed.put("from", Json.time(window.get().from()));
    feed.put("to", Json.time(window.get().to()));
    feed.put("marker", AUDIT_MARKER + to);
    feed.put("fetchedCount", records.size());
    feed.put("hasMore", hasMore);
    ObjectNode account = feed.putArray("accounts").addObject();
    account.put("id", config.accountId());
    account.set("records", records);
    return data("auditFeed", feed);
  }

  private ObjectNode stories(GraphqlRequest req) {
    String accountId = req.stringArgument("accountID");
    if (!config.accountId().equals(accountId)) {
      return accountError("xdr", accountId);
    }
    JsonNode input = req.argument("input");
    if (input == null || !input.isObject()) {
      return error("xdr", "Variable 'input' of type 'StoryInput!' must not be null");
    }
    StoryView story = state.story();
    boolean matches = true;
    for (JsonNode filter : input.path("filter")) {
      JsonNode timeFrame = filter.path("timeFrame");
      Optional<TimeWindow> window = window(Json.text(timeFrame, "time"));
      if (window.isEmpty()) {
        return timeFrameError("xdr", Json.text(timeFrame, "time"));
      }
      matches &= storyInWindow(story, window.get(), Json.text(timeFrame, "timeFrameModifier"))
          && predicate(filter.path("status"), story.status())
          && predicate(filter.path("storyId"), story.id());
    }
    int from = Math.max(0, input.path("paging").path("from").asInt(0));
    int limit = Math.max(0, input.path("paging").path("limit").asInt(100));
    List<StoryView> all = matches ? List.of(story) : List.of();
    ArrayNode items = Json.array();
    for (StoryView s : all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()))) {
      items.add(CatoStoryJson.story(s, state.failureEvents(), config, state.now()));
    }
    ObjectNode stories = Json.object();
    ObjectNode paging = stories.putObject("paging");
    paging.put("from", from);
    paging.put("limit", limit);
    paging.put("total", all.size());
    stories.set("items", items);
    ObjectNode xdr = Json.object();
    xdr.set("stories", stories);
    return data("xdr", xdr);
  }

  /** Mutation.xdr(accountId) { addStoryComment(input: {storyId, text}) { comment {id createdAt} } }. */
  private ObjectNode addStoryComment(GraphqlRequest req) {
    String accountId = req.stringArgument("accountId");
    if (!config.accountId().equals(accountId)) {
      return accountError("xdr", accountId);
    }
    com.fasterxml.jackson.databind.JsonNode input = req.argument("input");
    String storyId = input == null ? null : Json.text(input, "storyId");
    String text = input == null ? null : Json.text(input, "text");
    if (storyId == null || text == null || text.isBlank()) {
      return errorsOnly("Variable 'input' of type 'AddStoryCommentInput!' needs storyId and text");
    }
    if (!state.story().id().equals(storyId)) {
      return errorsOnly("story not found: " + storyId);
    }
    String id = state.addStoryComment(text);
    ObjectNode comment = Json.object();
    comment.put("id", id);
    comment.put("createdAt", Json.time(state.now()));
    comment.put("text", text);
    ObjectNode payload = Json.object();
    payload.set("comment", comment);
    ObjectNode xdr = Json.object();
    xdr.set("addStoryComment", payload);
    return data("xdr", xdr);
  }

  private ObjectNode story(GraphqlRequest req) {
    String accountId = req.stringArgument("accountID");
    if (!config.accountId().equals(accountId)) {
      return accountError("xdr", accountId);
    }
    StoryView story = state.story();
    String storyId = req.stringArgument("storyId");
    String incidentId = req.stringArgument("incidentId");
    ObjectNode xdr = Json.object();
    if (story.id().equals(storyId) || (storyId == null && story.incidentId().equals(incidentId))) {
      xdr.set("story", CatoStoryJson.story(story, state.failureEvents(), config, state.now()));
      return data("xdr", xdr);
    }
    xdr.putNull("story");
    ObjectNode response = data("xdr", xdr);
    addError(response, "story not found: " + (storyId != null ? storyId : "incident " + incidentId), "xdr", "story");
    return response;
  }

  /** StoryCreate reads createdAt, StoryUpdate updatedAt; without a modifier either one in the window will do. */
  private static boolean storyInWindow(StoryView story, TimeWindow window, String modifier) {
    if ("StoryCreate".equals(modifier)) {
      return window.contains(story.createdAt());
    }
    if ("StoryUpdate".equals(modifier) || "AnalystUpdate".equals(modifier)) {
      return window.contains(story.updatedAt());
    }
    return window.contains(story.createdAt()) || window.contains(story.updatedAt());
  }

  /** Cato's {@code {in: [...], not_in: [...]}} predicates. */
  private static boolean predicate(JsonNode predicate, String value) {
    if (predicate.isMissingNode() || predicate.isNull()) {
      return true;
    }
    JsonNode in = predicate.get("in");
    if (in != null && in.isArray() && !contains(in, value)) {
      return false;
    }
    JsonNode notIn = predicate.get("not_in");
    return notIn == null || !notIn.isArray() || !contains(notIn, value);
  }

  private static boolean contains(JsonNode list, String value) {
    for (JsonNode v : list) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** The first requested account the key cannot see; no accountIDs means the key's own account. */
  private Optional<String> unknownAccount(GraphqlRequest req) {
    JsonNode ids = req.argument("accountIDs");
    if (ids == null) {
      ids = req.argument("ids");
    }
    if (ids == null) {
      return Optional.empty();
    }
    if (!ids.isArray()) {
      return config.accountId().equals(ids.asText()) ? Optional.empty() : Optional.of(ids.asText());
    }
    for (JsonNode id : ids) {
      if (!config.accountId().equals(id.asText())) {
        return Optional.of(id.asText());
      }
    }
    return Optional.empty();
  }

  private Optional<TimeWindow> window(String timeFrame) {
    return TimeWindow.parseTimeFrame(timeFrame, state.now());
  }

  /** A marker this sandbox did not hand out starts from the beginning, as a fresh feed would. */
  private static int markerPosition(String marker, String prefix) {
    if (marker == null || marker.isEmpty()) {
      return 0;
    }
    if (marker.startsWith(prefix)) {
      try {
        return Math.max(0, Integer.parseInt(marker.substring(prefix.length())));
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    LOG.warn("unknown marker, starting from the beginning");
    return 0;
  }

  private static ObjectNode data(String field, JsonNode value) {
    ObjectNode response = Json.object();
    response.putObject("data").set(field, value);
    return response;
  }

  private ObjectNode accountError(String field, String accountId) {
    return error(field, "permission denied: account " + accountId + " is not accessible with this API key");
  }

  private static ObjectNode timeFrameError(String field, String timeFrame) {
    return error(field, "invalid timeFrame '" + timeFrame
        + "': expected last.<ISO-8601 duration> (e.g. last.PT2H) or utc.<date>/{<from>--<to>}");
  }

  private static ObjectNode error(String field, String message) {
    ObjectNode response = Json.object();
    response.putObject("data").putNull(field);
    addError(response, message, field);
    return response;
  }

  private static void addError(ObjectNode response, String message, String... path) {
    ArrayNode errors = response.has("errors") ? (ArrayNode) response.get("errors") : response.putArray("errors");
    ObjectNode error = errors.addObject();
    error.put("message", message);
    ArrayNode p = error.putArray("path");
    for (String segment : path) {
      p.add(segment);
    }
  }

  private static ObjectNode errorsOnly(String message) {
    ObjectNode response = Json.object();
    response.putArray("errors").addObject().put("message", message);
    return response;
  }
}
