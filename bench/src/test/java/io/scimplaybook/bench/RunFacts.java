package io.scimplaybook.bench;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one run's history says, read after the benchmark: when it started, when it had its diagnosis, the operator
 * tasks it opened, how it ended, and the latency of each of its workflow tasks. Read from history rather than asked
 * while running, so the figures cost the worker nothing and are exact to the server's timestamps.
 *
 * <p><b>Diagnosis</b>: the run has finished its own diagnostic calls (verify, provision on demand, audit review) and
 * turned to a repair: it asks a person ({@code PlaybookStep} becomes {@code OPERATOR_REVIEW} or {@code TOKEN_ROTATION})
 * or checks a fix ({@code RECOVERY_CHECK}, {@code MONITORING}). This is earlier than
 * {@code scim_playbook_time_to_diagnosis_seconds}, which on the operator paths waits for the person's answer. A run
 * that ends ({@code ESCALATION}, {@code DONE}) before any of these has no diagnosis: it gave up (a call failed for
 * good, e.g. retried into the rate limit until its policy ran out) or found nothing ({@code NOT_REPRODUCED}).
 *
 * @param unknownSearchAttributes search attributes the run set that today's contract does not have (a fleet or pacing
 *     feature merged later shows here without this harness depending on it)
 * @param activityTypes every activity type the run scheduled
 */
record RunFacts(
    String workflowId, Instant started, Instant diagnosedAt, String diagnosisStep, Instant endedAt,
    List<Instant> tasksOpened,
    String outcome, String rootCause, String conclusion, boolean closed, List<Duration> scheduleToStart, List<Duration> execution,
    Set<String> steps, Set<String> unknownSearchAttributes, Set<String> activityTypes) {

  // FLEET_HOLD: the run has diagnosed a suspected provider incident and waits it out instead of asking anyone.
  static final Set<String> DIAGNOSED_STEPS =
      Set.of("OPERATOR_REVIEW", "TOKEN_ROTATION", "RECOVERY_CHECK", "MONITORING", "FLEET_HOLD");
  static final Set<String> END_STEPS = Set.of("ESCALATION", "DONE");
  private static final Set<String> KNOWN_ATTRIBUTES = Set.of(
      "ScimAccountId", "ScimSourceId", "ScimIdp", "PlaybookStep", "PlaybookOutcome", "RootCause");

  /** Ended before any diagnosis: escalated because a call failed for good, or not reproduced. */
  boolean endedUndiagnosed() {
    return diagnosedAt == null && endedAt != null;
  }

  Duration timeToDiagnosis(Instant from) {
    return diagnosedAt == null ? null : Duration.between(from, diagnosedAt);
  }

  static RunFacts read(String workflowId, WorkflowExecutionHistory history) {
    Instant started = null;
    Instant diagnosedAt = null;
    String diagnosisStep = null;
    Instant endedAt = null;
    String outcome = null;
    String rootCause = null;
    boolean closed = false;
    String conclusion = null;
    List<Instant> tasksOpened = new ArrayList<>();
    Map<Long, Instant> scheduled = new HashMap<>();
    Instant taskStarted = null;
    List<Duration> scheduleToStart = new ArrayList<>();
    List<Duration> execution = new ArrayList<>();
    Set<String> steps = new TreeSet<>();
    Set<String> unknown = new TreeSet<>();
    Set<String> activityTypes = new TreeSet<>();
    for (HistoryEvent e : history.getEvents()) {
      Instant at = Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      EventType type = e.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> started = at;
        case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> scheduled.put(e.getEventId(), at);
        case EVENT_TYPE_WORKFLOW_TASK_STARTED -> {
          Instant s = scheduled.get(e.getWorkflowTaskStartedEventAttributes().getScheduledEventId());
          if (s != null) {
            scheduleToStart.add(Duration.between(s, at));
          }
          taskStarted = at;
        }
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
          // A run has at most one workflow task in flight, so the started event before it is its own.
          if (taskStarted != null) {
            execution.add(Duration.between(taskStarted, at));
          }
          taskStarted = null;
        }
        case EVENT_TYPE_WORKFLOW_TASK_FAILED, EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT -> taskStarted = null;
        case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> {
          Map<String, Payload> fields =
              e.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap();
          for (Map.Entry<String, Payload> f : fields.entrySet()) {
            String value = keyword(f.getValue());
            switch (f.getKey()) {
              case "PlaybookStep" -> {
                steps.add(value);
                if (diagnosedAt == null && DIAGNOSED_STEPS.contains(value)) {
                  diagnosedAt = at;
                  diagnosisStep = value;
                }
                if (endedAt == null && END_STEPS.contains(value)) {
                  endedAt = at;
                }
              }
              case "PlaybookOutcome" -> outcome = value;
              case "RootCause" -> rootCause = value;
              default -> {
                if (!KNOWN_ATTRIBUTES.contains(f.getKey())) {
                  unknown.add(f.getKey());
                }
              }
            }
          }
        }
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          var attributes = e.getActivityTaskScheduledEventAttributes();
          String activity = attributes.getActivityType().getName();
          activityTypes.add(activity);
          // Every operator task is announced by a notification when it opens (notify-v1), channels or not.
          if (activity.equals("DeliverNotification") && attributes.getInput().getPayloadsCount() > 0
              && attributes.getInput().getPayloads(0).getData().toStringUtf8().contains("\"TASK_OPENED\"")) {
            tasksOpened.add(at);
          }
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> {
          closed = true;
          var result = e.getWorkflowExecutionCompletedEventAttributes().getResult();
          if (result.getPayloadsCount() > 0) {
            conclusion = conclusionOf(result.getPayloads(0).getData().toStringUtf8());
          }
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
            EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
            EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> closed = true;
        default -> { }
      }
    }
    return new RunFacts(workflowId, started, diagnosedAt, diagnosisStep, endedAt, tasksOpened, outcome, rootCause,
        conclusion, closed,
        scheduleToStart, execution, steps, unknown, activityTypes);
  }

  /**
   * The report's conclusion, with what differs from run to run (ids, times, request ids) blanked, so that runs that
   * ended the same way group together.
   */
  private static String conclusionOf(String reportJson) {
    try {
      String text = MAPPER.readTree(reportJson).path("conclusion").asText("");
      return text.replaceAll("\\(request-id [^)]*\\)", "")
          .replaceAll("/v1\\.0/servicePrincipals/\\S+", "/v1.0/servicePrincipals/...")
          .replaceAll("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z", "<time>")
          .replaceAll("(?i)retry after \\d+ seconds", "Retry after N seconds")
          .replaceAll("\\s+", " ").trim();
    } catch (java.io.IOException e) {
      return "(report not readable: " + e.getMessage() + ")";
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** A Keyword search attribute's payload is its JSON string (a list of one for some SDK paths). */
  private static String keyword(Payload payload) {
    String json = payload.getData().toStringUtf8().trim();
    if (json.startsWith("[")) {
      json = json.substring(1, json.length() - 1).trim();
    }
    if (json.startsWith("\"") && json.endsWith("\"") && json.length() >= 2) {
      json = json.substring(1, json.length() - 1);
    }
    return json;
  }
}
