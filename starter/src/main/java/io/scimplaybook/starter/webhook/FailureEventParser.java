package io.scimplaybook.starter.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.scimplaybook.api.input.EventCheck;
import io.scimplaybook.api.input.EventTimes;
import io.scimplaybook.api.input.ScimFailureEvent;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a webhook body into a failure event: the project's plain JSON ({@code accountId, sourceId, time, reason,
 * storyId}) or the CMA template with Cato's field names ({@link CatoWebhookTemplate}). The tree is checked field by
 * field rather than bound to a class so that every refusal can say which field is wrong and why, and so that an
 * unknown field (a typo such as {@code acountId}) is refused instead of silently dropped.
 */
@Component
public class FailureEventParser {

  static final List<String> FIELDS =
      List.of("accountId", "sourceId", "time", "reason", "storyId", "eventId", "resourceName");

  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  public ParsedEvent parse(byte[] body) {
    StrictUtf8.check(body);
    JsonNode root = readTree(body);
    if (!root.isObject()) {
      throw new InvalidEventException("the body must be a JSON object with accountId, time, reason (and optionally "
          + "sourceId, storyId, eventId, resourceName), or the CMA template, got a JSON " + JsonFields.type(root));
    }
    return CatoWebhookTemplate.looksLikeIt(root) ? CatoWebhookTemplate.parse(root) : new ParsedEvent.Failure(plain(root));
  }

  private static ScimFailureEvent plain(JsonNode root) {
    List<String> problems = new ArrayList<>();
    JsonFields.refuseUnknown(root, FIELDS, problems);
    String accountId = JsonFields.requiredText(root, "accountId", problems);
    // Optional: without it the worker attributes the event to a configured source (README, "Which source ...").
    String sourceId = JsonFields.optionalText(root, "sourceId", problems);
    String time = JsonFields.requiredText(root, "time", problems);
    String reason = JsonFields.requiredText(root, "reason", problems);
    String storyId = JsonFields.optionalText(root, "storyId", problems);
    String eventId = JsonFields.optionalText(root, "eventId", problems);
    String resourceName = JsonFields.optionalText(root, "resourceName", problems);

    // The field rules are EventCheck's, the same the poller and the run apply; only the names are this format's.
    if (accountId != null) {
      EventCheck.accountId("accountId", accountId, problems);
    }
    EventCheck.sourceId("sourceId", sourceId, problems);
    Instant at = parseTime(time, problems);
    if (reason != null) {
      EventCheck.reason("reason", reason, problems);
    }
    EventCheck.text("storyId", storyId, EventCheck.MAX_STORY_ID, false, problems);
    EventCheck.eventId("eventId", eventId, problems);
    EventCheck.text("resourceName", resourceName, EventCheck.MAX_RESOURCE_NAME, false, problems);

    if (!problems.isEmpty()) {
      throw new InvalidEventException(String.join("; ", problems));
    }
    return checked(new ScimFailureEvent(accountId, sourceId, at, reason.strip(), storyId,
        ScimFailureEvent.ORIGIN_WEBHOOK, eventId, resourceName, null));
  }

  /** The whole event against every rule once more, so no field this format forgot to check can reach a run. */
  static ScimFailureEvent checked(ScimFailureEvent event) {
    String problem = EventCheck.problem(event, Instant.now());
    if (problem != null) {
      throw new InvalidEventException(problem);
    }
    return event;
  }

  private JsonNode readTree(byte[] body) {
    if (body.length == 0) {
      throw new InvalidEventException("the body is empty: expected a JSON object with accountId, time and reason");
    }
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new InvalidEventException("the body holds no JSON value: expected a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new InvalidEventException("the body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException("the body could not be read as JSON");
    }
  }

  private static Instant parseTime(String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    try {
      return inRange(Instant.parse(value.strip()), problems);
    } catch (DateTimeException e) {
      problems.add("time must be an ISO-8601 instant such as 2025-06-01T08:30:00Z, got '" + JsonFields.clip(value) + "'");
      return null;
    }
  }

  /** The range the run enforces too ({@link EventTimes}): refused here, it never reaches a run. */
  static Instant inRange(Instant time, List<String> problems) {
    String problem = EventTimes.problem(time, Instant.now());
    if (problem != null) {
      problems.add(problem + " (events may be at most a day ahead and ten years old)");
      return null;
    }
    return time;
  }
}
