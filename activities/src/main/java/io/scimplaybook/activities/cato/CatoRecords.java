package io.scimplaybook.activities.cato;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cato's GraphQL answers read into this package's records. Every field is optional on the wire: a missing or blank
 * value becomes null rather than an error, because the schema documents few fields as always present.
 */
final class CatoRecords {

  private CatoRecords() {}

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

  static CatoEvent toEvent(JsonNode fields, String sourceIdField) {
    return new CatoEvent(
        CatoTimes.parse(fields.path("time")),
        text(fields.path("event_sub_type")),
        text(fields.path("action")),
        text(fields.path("failure_reason")),
        text(fields.path("event_message")),
        text(fields.path("story_id")),
        text(fields.path(sourceIdField)),
        text(fields.path(CatoGraphqlClient.RESOURCE_NAME_FIELD)));
  }

  static boolean isFailedScim(CatoEvent event) {
    boolean failed = CatoGraphqlClient.FAILED.equalsIgnoreCase(event.action());
    // The filter already asks for the sub-type; a record that names another one is not trusted.
    boolean scim = event.eventSubType() == null || CatoGraphqlClient.SCIM_PROVISIONING.equalsIgnoreCase(event.eventSubType());
    return failed && scim;
  }

  static CatoStory toStory(JsonNode node) {
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

  static CatoAuditRecord toAuditRecord(JsonNode node) {
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

  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
