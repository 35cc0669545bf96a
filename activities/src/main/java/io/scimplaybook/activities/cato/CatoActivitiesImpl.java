package io.scimplaybook.activities.cato;

import io.scimplaybook.activities.http.ActivityFailures;
import io.scimplaybook.activities.http.ApiCallException;
import io.scimplaybook.api.activities.CatoActivities;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.findings.AuditQuery;
import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.findings.ConfigChanges;
import io.scimplaybook.api.findings.EventFindings;
import io.scimplaybook.api.findings.FailureRecord;
import io.scimplaybook.api.findings.StoryFindings;
import io.scimplaybook.api.findings.StorySummary;
import io.scimplaybook.api.findings.VerificationQuery;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 1 (verify), step 3 (Cato audit trail) and the pre-resolution story check, over Cato's GraphQL API. */
public class CatoActivitiesImpl implements CatoActivities {
  public static final String AUDIT_ORIGIN = "Cato audit trail";

  private static final Logger log = LoggerFactory.getLogger(CatoActivitiesImpl.class);
  private static final int MAX_DESCRIPTION = 400;
  // Shown in their own ConfigChange fields already, so the description does not repeat them.
  private static final Set<String> SHOWN_FIELDS =
      Set.of("admin", "change_type", "model_type", "model_name", "time", "creation_date", "insertion_date");

  private final CatoGraphqlClient client;

  public CatoActivitiesImpl(CatoGraphqlClient client) {
    this.client = client;
  }

  @Override
  public StoryFindings findScimStories(VerificationQuery query) {
    String accountId = required(query.accountId(), "accountId");
    String timeFrame = timeFrame(query.from(), query.to());
    return ActivityFailures.call(() -> {
      List<CatoStory> stories = new ArrayList<>(client.scimStories(accountId, timeFrame));
      addKnownStory(accountId, query.storyId(), stories);
      return new StoryFindings(stories.stream().map(CatoActivitiesImpl::toSummary).toList());
    });
  }

  @Override
  public EventFindings findFailureEvents(VerificationQuery query) {
    String accountId = required(query.accountId(), "accountId");
    String timeFrame = timeFrame(query.from(), query.to());
    return ActivityFailures.call(() -> {
      List<FailureRecord> records =
          client.failedScimEvents(accountId, timeFrame).stream()
              .filter(e -> ofSource(e, query.sourceId()))
              .map(e -> new FailureRecord(e.time(), e.sourceId(), reason(e), e.storyId(), e.eventMessage()))
              .sorted(Comparator.comparing(FailureRecord::time, Comparator.nullsLast(Comparator.naturalOrder())))
              .toList();
      return new EventFindings(records);
    });
  }

  @Override
  public ConfigChanges findDomainChanges(AuditQuery query) {
    String accountId = required(query.accountId(), "accountId");
    String timeFrame = timeFrame(query.from(), query.to());
    ActivityExecutionContext context = currentContext();
    AuditFeedProgress earlier = earlierProgress(context);
    List<ConfigChange> changes = new ArrayList<>(earlier == null ? List.of() : earlier.changes());
    int pagesBefore = earlier == null ? 0 : earlier.pages();
    if (earlier != null) {
      log.info("Cato auditFeed: resuming after {} pages with {} changes", pagesBefore, changes.size());
    }
    return ActivityFailures.call(() -> {
      CatoAuditFeed feed =
          client.domainAuditFeed(
              accountId, timeFrame, earlier == null ? null : earlier.marker(),
              (page, nextMarker, records) -> {
                records.forEach(r -> changes.add(toChange(r)));
                if (context != null) {
                  context.heartbeat(new AuditFeedProgress(nextMarker, pagesBefore + page, List.copyOf(changes)));
                }
              });
      changes.sort(Comparator.comparing(ConfigChange::time, Comparator.nullsLast(Comparator.naturalOrder())));
      return new ConfigChanges(List.copyOf(changes));
    });
  }

  /** Null when Cato returns no such story: the workflow reports that as "no longer listed", not as a failed read. */
  @Override
  public StorySummary getStory(String accountId, String storyId) {
    required(accountId, "accountId");
    required(storyId, "storyId");
    return ActivityFailures.call(() -> client.story(accountId, storyId).map(CatoActivitiesImpl::toSummary).orElse(null));
  }

  @Override
  public String addStoryComment(String accountId, String storyId, String text) {
    required(accountId, "accountId");
    required(storyId, "storyId");
    required(text, "text");
    return ActivityFailures.call(() -> client.addStoryComment(accountId, storyId, text));
  }

  /**
   * The trigger may name a story created before the window (a long-running one). It is still the story of this
   * failure, so it is looked up by id; a lookup that cannot succeed must not cost the stories already found.
   */
  private void addKnownStory(String accountId, String storyId, List<CatoStory> stories) {
    if (storyId == null || storyId.isBlank() || stories.stream().anyMatch(s -> storyId.equals(s.id()))) {
      return;
    }
    try {
      Optional<CatoStory> story = client.story(accountId, storyId);
      story.filter(CatoStory::isScim).ifPresent(stories::add);
    } catch (ApiCallException e) {
      if (e.kind().retryable()) {
        throw e;
      }
      log.info("Cato xdr.story {}: not added to the findings ({})", storyId, e.kind());
    }
  }

  private static boolean ofSource(CatoEvent event, String sourceId) {
    return sourceId == null || event.sourceId() == null || sourceId.equals(event.sourceId());
  }

  private static String reason(CatoEvent event) {
    return event.failureReason() != null ? event.failureReason() : event.eventMessage();
  }

  private static StorySummary toSummary(CatoStory story) {
    CatoIncident incident = story.incident();
    return new StorySummary(
        story.id(),
        incident == null ? null : incident.indication(),
        incident == null ? null : incident.status(),
        story.createdAt(),
        story.updatedAt(),
        story.summary());
  }

  static ConfigChange toChange(CatoAuditRecord record) {
    String objectType = record.modelType() != null ? record.modelType() : record.objectType();
    String objectName = record.modelName() != null ? record.modelName() : record.objectName();
    return new ConfigChange(
        AUDIT_ORIGIN, record.time(), record.actor(), record.changeType(), objectType, objectName, describe(record,
            objectType, objectName));
  }

  /** One readable line for the operator and the support bundle: what changed, who did it, and the other fields. */
  private static String describe(CatoAuditRecord record, String objectType, String objectName) {
    StringBuilder text = new StringBuilder();
    text.append(record.changeType() == null ? "Changed" : record.changeType());
    if (objectType != null) {
      text.append(' ').append(objectType);
    }
    if (objectName != null) {
      text.append(" \"").append(objectName).append('"');
    }
    if (record.actor() != null) {
      text.append(" by ").append(record.actor());
    }
    List<String> extra = new ArrayList<>();
    for (Map.Entry<String, String> field : record.fields().entrySet()) {
      if (!SHOWN_FIELDS.contains(field.getKey())) {
        extra.add(field.getKey() + "=" + field.getValue());
      }
    }
    if (!extra.isEmpty()) {
      text.append(" (").append(String.join(", ", extra)).append(')');
    }
    return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "…" : text.toString();
  }

  private static String timeFrame(Instant from, Instant to) {
    if (from == null) {
      throw ApplicationFailure.newNonRetryableFailure("the query has no start time", FailureTypes.INVALID_REQUEST);
    }
    try {
      return CatoTimeFrame.between(from, to == null ? Instant.now() : to);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_REQUEST);
    }
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("the query has no " + name, FailureTypes.INVALID_REQUEST);
    }
    return value;
  }

  /** Null when called outside a Temporal activity (unit tests, direct use): then there is nothing to heartbeat. */
  private static ActivityExecutionContext currentContext() {
    try {
      return Activity.getExecutionContext();
    } catch (IllegalStateException notInActivity) {
      return null;
    }
  }

  private static AuditFeedProgress earlierProgress(ActivityExecutionContext context) {
    if (context == null) {
      return null;
    }
    return context.getHeartbeatDetails(AuditFeedProgress.class).orElse(null);
  }
}
