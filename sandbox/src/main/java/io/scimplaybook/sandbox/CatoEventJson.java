package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SCIM Provisioning / Failed event as Cato's {@code events} and {@code eventsFeed} return it: a {@code fieldsMap}
 * keyed by EventFieldName and the same pairs as {@code flatFields}.
 *
 * <p>Choices the schema leaves open, so clients know what to read:
 *
 * <ul>
 *   <li>No {@code resource_id}, {@code resource_name} or {@code resource_type} by default: EventFieldName documents
 *       {@code resource_id} as "the ID of the resource in the cloud provider" and nothing says SCIM events fill any of
 *       them. The SCIM app is named only in {@code event_message} ("Cato's description of the event", a field the
 *       events documentation lists for every record), which is what the worker's attribution reads as a hint. {@link
 *       SandboxConfig#eventsNameSource()} adds the three fields back (source id, app name, {@code "SCIM App"}).
 *   <li>{@code event_type} is {@code "System"}: the schema lists Routing, Security, Connectivity, System and Sockets
 *       Management, and directory sync is neither connectivity nor security.
 *   <li>{@code time} and {@code time_str} are both ISO-8601 UTC strings, like the feed record's own {@code time}
 *       (the schema describes {@code time} as epoch; an ISO string is what a Java client can parse without guessing
 *       the unit).
 *   <li>{@code directory_sync_type} is {@code "SCIM"} and {@code directory_sync_result} {@code "Failed"}; {@code
 *       story_id} is the XOps story's id; {@code indication} repeats the story's indication.
 * </ul>
 */
final class CatoEventJson {
  static final String EVENT_TYPE = "System";
  static final String EVENT_SUB_TYPE = "SCIM Provisioning";
  static final String SOURCE_ID_FIELD = "resource_id";

  private CatoEventJson() {}

  static Map<String, String> fieldsMap(FailureEvent event, SandboxConfig config) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("account_id", config.accountId());
    f.put("event_id", event.eventId());
    f.put("time", Json.time(event.time()));
    f.put("time_str", Json.time(event.time()));
    f.put("event_type", EVENT_TYPE);
    f.put("event_sub_type", EVENT_SUB_TYPE);
    f.put("action", "Failed");
    f.put("event_message",
        "SCIM provisioning from " + config.idp().catoScimAppName() + " failed: " + event.failure().catoReason());
    f.put("failure_reason", event.failure().catoReason());
    f.put("directory_sync_type", "SCIM");
    f.put("directory_sync_result", "Failed");
    f.put("indication", ScenarioScript.INDICATION);
    f.put("story_id", event.storyId());
    if (config.eventsNameSource()) {
      f.put(SOURCE_ID_FIELD, config.sourceId());
      f.put("resource_name", config.idp().catoScimAppName());
      f.put("resource_type", "SCIM App");
    }
    f.put("event_count", "1");
    return f;
  }

  /** An EventsRecord of the {@code events} query. */
  static ObjectNode eventsRecord(Map<String, String> fieldsMap) {
    ObjectNode record = Json.object();
    record.set("fieldsMap", map(fieldsMap));
    record.set("flatFields", flat(fieldsMap));
    return record;
  }

  /** An EventRecord of the {@code eventsFeed} query. */
  static ObjectNode feedRecord(FailureEvent event, Map<String, String> fieldsMap) {
    ObjectNode record = Json.object();
    record.put("time", Json.time(event.time()));
    record.set("fieldsMap", map(fieldsMap));
    record.set("flatFields", flat(fieldsMap));
    return record;
  }

  static ObjectNode map(Map<String, String> fields) {
    ObjectNode node = Json.object();
    fields.forEach(node::put);
    return node;
  }

  static ArrayNode flat(Map<String, String> fields) {
    ArrayNode out = Json.array();
    fields.forEach((k, v) -> out.add(Json.array().add(k).add(v)));
    return out;
  }
}
