package io.scimplaybook.workflows;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.UserMetadata;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Temporal UI shows for the run at one moment, read back from the server over the same calls the UI makes:
 * DescribeWorkflowExecution (static summary and details, search attributes) and the built-in metadata query
 * (current details).
 *
 * @param label where in the run it was taken: an activity's method name, or a moment the test names
 */
record OperatorView(
    String label, String staticSummary, String staticDetails, Map<String, String> searchAttributes, String currentDetails) {

  static final String METADATA_QUERY = "__temporal_workflow_metadata";

  String step() {
    return searchAttributes.get(PlaybookSearchAttributes.STEP.getName());
  }

  String attribute(String name) {
    return searchAttributes.get(name);
  }

  static OperatorView read(String label, PlaybookTestEnvironment t) {
    DescribeWorkflowExecutionResponse described = t.env.getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(t.env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(PlaybookTestEnvironment.WORKFLOW_ID))
            .build());
    UserMetadata metadata = described.getExecutionConfig().getUserMetadata();
    Map<String, String> attributes = new TreeMap<>();
    described.getWorkflowExecutionInfo().getSearchAttributes().getIndexedFieldsMap()
        .forEach((name, payload) -> attributes.put(name, text(payload)));
    WorkflowMetadata current = t.client.newUntypedWorkflowStub(PlaybookTestEnvironment.WORKFLOW_ID)
        .query(METADATA_QUERY, WorkflowMetadata.class);
    return new OperatorView(label,
        metadata.hasSummary() ? text(metadata.getSummary()) : null,
        metadata.hasDetails() ? text(metadata.getDetails()) : null,
        attributes, current.getCurrentDetails());
  }

  /** Each scheduled activity as the UI lists it: "ActivityType: summary", in history order. */
  static List<String> activitySummaries(PlaybookTestEnvironment t) {
    return t.client.fetchHistory(PlaybookTestEnvironment.WORKFLOW_ID).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(OperatorView::activityLine)
        .toList();
  }

  private static String activityLine(HistoryEvent e) {
    String type = e.getActivityTaskScheduledEventAttributes().getActivityType().getName();
    return type + ": " + (e.getUserMetadata().hasSummary() ? text(e.getUserMetadata().getSummary()) : "(no summary)");
  }

  private static String text(Payload payload) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
  }
}
