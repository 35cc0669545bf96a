package io.scimplaybook.starter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.scimplaybook.workflows.PlaybookIds;
import io.scimplaybook.workflows.messages.ScimFailureEvent;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a webhook body into a failure event. The tree is checked field by field rather than bound to a class so that
 * every refusal can say which field is wrong and why, and so that an unknown field (a typo such as {@code acountId})
 * is refused instead of silently dropped.
 */
@Component
public class FailureEventParser {

  static final List<String> FIELDS = List.of("accountId", "sourceId", "time", "reason", "storyId");
  static final int MAX_STORY_ID = 128;

  private final ObjectMapper mapper = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  public ScimFailureEvent parse(byte[] body) {
    JsonNode root = readTree(body);
    if (!root.isObject()) {
      throw new InvalidEventException("the body must be a JSON object with " + String.join(", ", FIELDS.subList(0, 4))
          + " (and optionally storyId), got a JSON " + root.getNodeType().toString().toLowerCase());
    }
    List<String> problems = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        unknown.add("'" + clip(name) + "'");
      }
    }
    if (!unknown.isEmpty()) {
      problems.add((unknown.size() == 1 ? "unknown field " : "unknown fields ") + String.join(", ", unknown)
          + " (accepted: " + String.join(", ", FIELDS) + ")");
    }

    String accountId = requiredText(root, "accountId", problems);
    String sourceId = requiredText(root, "sourceId", problems);
    String time = requiredText(root, "time", problems);
    String reason = requiredText(root, "reason", problems);
    String storyId = optionalText(root, "storyId", problems);

    checkId("accountId", accountId, problems);
    checkId("sourceId", sourceId, problems);
    Instant at = parseTime(time, problems);
    if (reason != null && reason.isBlank()) {
      problems.add("reason must not be blank");
    }
    if (storyId != null && storyId.length() > MAX_STORY_ID) {
      problems.add("storyId must be at most " + MAX_STORY_ID + " characters, got " + storyId.length());
    }

    if (!problems.isEmpty()) {
      throw new InvalidEventException(String.join("; ", problems));
    }
    return new ScimFailureEvent(accountId, sourceId, at, reason.strip(), storyId, ScimFailureEvent.ORIGIN_WEBHOOK);
  }

  private JsonNode readTree(byte[] body) {
    if (body.length == 0) {
      throw new InvalidEventException("the body is empty: expected a JSON object with accountId, sourceId, time and reason");
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

  private static String requiredText(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      problems.add(field + " is required");
      return null;
    }
    if (!node.isTextual()) {
      problems.add(field + " must be a string, got a JSON " + node.getNodeType().toString().toLowerCase());
      return null;
    }
    return node.textValue();
  }

  private static String optionalText(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(field + " must be a string when given, got a JSON " + node.getNodeType().toString().toLowerCase());
      return null;
    }
    // Senders that fill templates send "" for "no story yet"; that is the same as leaving it out.
    return node.textValue().isBlank() ? null : node.textValue().strip();
  }

  private static void checkId(String field, String value, List<String> problems) {
    if (value != null && !PlaybookIds.isValidId(value)) {
      try {
        PlaybookIds.requireValid(field, value);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
  }

  private static Instant parseTime(String value, List<String> problems) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeException e) {
      problems.add("time must be an ISO-8601 instant such as 2025-06-01T08:30:00Z, got '" + clip(value) + "'");
      return null;
    }
  }

  private static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
