package io.scimplaybook.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * The XOps story as {@code xdr.stories} items and {@code xdr.story} return it (type Story). The incident is an {@code
 * AiOperationsIncident} of type {@code Account}: SCIM is an account-level operation, not a site's, and that type
 * carries the source in {@code accountOperationIncident.metadata} and the playbook link. Its producer is {@code
 * NetworkXDR}, the enum's producer for operations stories. {@code __typename} is given for the incident only, where a
 * client reading an interface would ask for it.
 */
final class CatoStoryJson {
  static final String ACCOUNT_NAME = "Sandbox Account";

  private CatoStoryJson() {}

  static ObjectNode story(StoryView story, List<FailureEvent> events, SandboxConfig config, java.time.Instant now) {
    String reason = story.lastFailure().catoReason();
    ObjectNode s = Json.object();
    s.put("id", story.id());
    putAccountId(s, config.accountId());
    s.put("accountName", ACCOUNT_NAME);
    s.putNull("analystName");
    s.putNull("analystEmail");
    s.put("createdAt", Json.time(story.createdAt()));
    s.put("updatedAt", Json.time(story.updatedAt()));
    s.put("playbook", ScenarioScript.PLAYBOOK_URL);
    s.put("summary", "SCIM provisioning from " + config.idp().catoScimAppName() + " (source " + config.sourceId()
        + ") is failing: " + reason);
    s.set("incident", incident(story, events, config, reason, now));
    ArrayNode timeline = s.putArray("timeline");
    for (StoryEvent e : story.timeline()) {
      ObjectNode item = timeline.addObject();
      item.put("createdAt", Json.time(e.createdAt()));
      item.put("context", e.context());
      item.put("description", e.description());
      item.putArray("descriptions").add(e.description());
      item.put("type", "Action");
      item.put("category", e.category());
      item.putNull("additionalInfo");
      item.putNull("analystInfo");
    }
    return s;
  }

  private static ObjectNode incident(
      StoryView story, List<FailureEvent> events, SandboxConfig config, String reason, java.time.Instant now) {
    ObjectNode i = Json.object();
    i.put("__typename", "AiOperationsIncident");
    i.put("id", story.incidentId());
    i.put("firstSignal", Json.time(story.firstSignal()));
    i.put("lastSignal", Json.time(story.lastSignal()));
    i.put("flowStartTime", Json.time(story.firstSignal()));
    i.put("flowLastTime", Json.time(story.lastSignal()));
    i.put("engineType", "NETWORK");
    i.put("vendor", "CATO");
    i.put("producer", "NetworkXDR");
    i.put("producerName", "Account Operations");
    i.putNull("connectionType");
    i.put("indication", ScenarioScript.INDICATION);
    i.put("ioa", ScenarioScript.INDICATION);
    i.put("queryName", "SCIM Provisioning");
    i.put("criticality", 5);
    i.put("riskScore", 5);
    i.put("source", config.idp().catoScimAppName());
    i.putNull("ticket");
    i.put("status", story.status());
    i.put("research", false);
    if ("Closed".equals(story.status())) {
      i.putNull("storyDuration");
    } else {
      i.put("storyDuration", Math.max(0, Duration.between(story.createdAt(), now).toSeconds()));
    }
    i.put("description", "Scheduled SCIM provisioning from the identity provider into the account failed: " + reason);
    i.putNull("sourceIp");
    i.putNull("analystFeedback");
    i.putNull("site");
    i.putNull("user");
    i.putArray("similarStoriesData");
    i.putNull("predictedVerdict");
    i.putNull("predictedThreatType");
    i.put("occurrences", events.size());
    i.put("type", "Account");

    ObjectNode ops = i.putObject("accountOperationIncident");
    ArrayNode timeline = ops.putArray("incidentTimeline");
    for (FailureEvent e : events) {
      ObjectNode item = timeline.addObject();
      item.put("__typename", "AccountOperationsTimelineEvent");
      item.put("id", e.eventId());
      item.put("created", Json.time(e.time()));
      item.put("validated", Json.time(e.time()));
      item.put("description", "SCIM provisioning failed: " + e.failure().catoReason());
      item.put("type", "Event");
      item.putArray("eventIds").add(e.eventId());
      item.put("muted", false);
    }
    ArrayNode metadata = ops.putArray("metadata");
    metadata(metadata, "SCIM App", config.idp().catoScimAppName());
    metadata(metadata, "SCIM Source ID", config.sourceId());
    metadata(metadata, "Identity Provider", switch (config.idp()) {
      case ENTRA -> "Azure";
      case OKTA -> "Okta";
      case ONELOGIN -> "OneLogin";
      case CUSTOM -> "Other";
    });
    metadata(metadata, "Failure Reason", reason);
    ObjectNode playbook = ops.putArray("playbooks").addObject();
    playbook.put("title", "XOps Network Playbook - SCIM Provisioning Failed");
    playbook.put("link", ScenarioScript.PLAYBOOK_URL);
    playbook.put("description", "Verify the failure, provision on demand, review recent changes, rotate the token.");
    return i;
  }

  private static void metadata(ArrayNode metadata, String key, String value) {
    ObjectNode m = metadata.addObject();
    m.put("key", key);
    m.put("type", "TXT");
    m.put("value", value);
  }

  /** Story.accountId is an Int in the schema; a non-numeric sandbox account id stays a string. */
  private static void putAccountId(ObjectNode s, String accountId) {
    try {
      s.put("accountId", Long.parseLong(accountId));
    } catch (NumberFormatException e) {
      s.put("accountId", accountId);
    }
  }
}
