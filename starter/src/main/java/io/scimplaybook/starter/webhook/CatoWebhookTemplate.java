package io.scimplaybook.starter.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimplaybook.api.input.EventCheck;
import io.scimplaybook.api.input.ScimFailureEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body an admin pastes into the CMA webhook integration: Cato's own event field names (EventFieldName in the
 * GraphQL schema), each filled with the CMA's variable of the same name. {@code resource_id} is optional: the schema
 * documents it as "the ID of the resource in the cloud provider" and nothing promises that SCIM events fill it. When it
 * is absent (or empty) the event carries its hints ({@code resource_name}, {@code event_message}) and the worker
 * attributes it to a configured source. Documented in the README.
 */
final class CatoWebhookTemplate {

  static final String SCIM_SUB_TYPE = "SCIM Provisioning";
  static final String FAILED = "Failed";

  static final List<String> FIELDS = List.of("event_type", "event_sub_type", "action", "account_id", "resource_id",
      "resource_name", "failure_reason", "event_message", "story_id", "event_id", "time");

  private CatoWebhookTemplate() {}

  /** A body is read as this template once it carries one of Cato's field names the plain format lacks. */
  static boolean looksLikeIt(JsonNode root) {
    return root.has("event_sub_type") || root.has("event_type") || root.has("account_id");
  }

  static ParsedEvent parse(JsonNode root) {
    List<String> problems = new ArrayList<>();
    // A typo in the pasted template is reported even on events that would be ignored, or it would go unnoticed.
    JsonFields.refuseUnknown(root, FIELDS, problems);
    JsonFields.optionalText(root, "event_type", problems);
    String subType = JsonFields.requiredText(root, "event_sub_type", problems);
    String action = JsonFields.requiredText(root, "action", problems);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(String.join("; ", problems));
    }
    if (!SCIM_SUB_TYPE.equalsIgnoreCase(subType.strip()) || !FAILED.equalsIgnoreCase(action.strip())) {
      return new ParsedEvent.Ignored("event_sub_type '" + JsonFields.clip(subType) + "' with action '"
          + JsonFields.clip(action) + "' is not " + SCIM_SUB_TYPE + " / " + FAILED + "; nothing was started");
    }

    String accountId = idText(root, "account_id", problems);
    String sourceId = optionalId(root, "resource_id", problems);
    Instant time = time(root, problems);
    String failureReason = JsonFields.optionalText(root, "failure_reason", problems);
    String eventMessage = JsonFields.optionalText(root, "event_message", problems);
    String storyId = JsonFields.optionalText(root, "story_id", problems);
    String resourceName = JsonFields.optionalText(root, "resource_name", problems);
    // Cato's id of the occurrence: a CMA retry of the same event then counts once in the run.
    String eventId = JsonFields.optionalText(root, "event_id", problems);
    // EventCheck's rules under Cato's field names.
    if (accountId != null) {
      EventCheck.accountId("account_id", accountId, problems);
    }
    EventCheck.sourceId("resource_id", sourceId, problems);
    if (failureReason == null && eventMessage == null) {
      problems.add("failure_reason or event_message is required (both are missing or blank)");
    }
    EventCheck.text("failure_reason", failureReason, EventCheck.MAX_TEXT, true, problems);
    EventCheck.text("event_message", eventMessage, EventCheck.MAX_TEXT, true, problems);
    EventCheck.text("story_id", storyId, EventCheck.MAX_STORY_ID, false, problems);
    EventCheck.eventId("event_id", eventId, problems);
    EventCheck.text("resource_name", resourceName, EventCheck.MAX_RESOURCE_NAME, false, problems);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(String.join("; ", problems));
    }
    String reason = failureReason != null ? failureReason : eventMessage;
    return new ParsedEvent.Failure(FailureEventParser.checked(
        new ScimFailureEvent(accountId, sourceId, time, reason, storyId, ScimFailureEvent.ORIGIN_WEBHOOK, eventId,
            resourceName, eventMessage)));
  }

  /** Cato ids are numbers; a template may leave the variable unquoted, so an integer is as good as its digits. */
  private static String idText(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node != null && node.isIntegralNumber()) {
      return node.asText();
    }
    String text = JsonFields.requiredText(root, field, problems);
    if (text != null && text.isBlank()) {
      problems.add(field + " must not be blank");
      return null;
    }
    return text == null ? null : text.strip();
  }

  /** Like {@link #idText} but absent, null or blank is no value: an event without a source is attributed later. */
  private static String optionalId(JsonNode root, String field, List<String> problems) {
    JsonNode node = root.get(field);
    if (node != null && node.isIntegralNumber()) {
      return node.asText();
    }
    return JsonFields.optionalText(root, field, problems);
  }

  /** The schema describes an event's time as epoch milliseconds; ISO-8601 instants are accepted too. */
  private static Instant time(JsonNode root, List<String> problems) {
    JsonNode node = root.get("time");
    if (node != null && node.isIntegralNumber()) {
      // canConvertToLong: a number past long's range would otherwise wrap into some date in year 6,351,645.
      if (!node.canConvertToLong()) {
        problems.add("time " + JsonFields.clip(node.asText()) + " is not epoch milliseconds (beyond any date)");
        return null;
      }
      return FailureEventParser.inRange(Instant.ofEpochMilli(node.longValue()), problems);
    }
    String text = JsonFields.requiredText(root, "time", problems);
    if (text == null) {
      return null;
    }
    String value = text.strip();
    try {
      return FailureEventParser.inRange(value.chars().allMatch(Character::isDigit) && !value.isEmpty()
          ? Instant.ofEpochMilli(Long.parseLong(value))
          : Instant.parse(value.toUpperCase(Locale.ROOT)), problems);
    } catch (DateTimeException | NumberFormatException e) {
      problems.add("time must be epoch milliseconds or an ISO-8601 instant such as 2025-06-01T08:30:00Z, got '"
          + JsonFields.clip(text) + "'");
      return null;
    }
  }
}
