package io.scimplaybook.api;

import io.scimplaybook.api.input.ScimFailureEvent;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;

/**
 * How every client (the webhook, the events-feed poller) starts a playbook run for a failure event: one run per
 * (account, source), joined rather than duplicated, findable by its search attributes and readable in the UI.
 * Client-side code: it is never called from a workflow.
 */
public final class PlaybookStartOptions {

  private PlaybookStartOptions() {}

  public static WorkflowOptions forEvent(ScimFailureEvent event) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(PlaybookIds.workflowId(event.accountId(), event.sourceId()))
        .setTaskQueue(PlaybookIds.TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(PlaybookSearchAttributes.ACCOUNT_ID, event.accountId())
            .set(PlaybookSearchAttributes.SOURCE_ID, event.sourceId())
            .build())
        // What failed, readable in the UI without opening the history; only the run's first event sets these.
        .setStaticSummary(staticSummary(event))
        .setStaticDetails(staticDetails(event))
        .build();
  }

  /** The account's event router: one per account, joined rather than duplicated. */
  public static WorkflowOptions forRouter(String accountId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(PlaybookIds.routerWorkflowId(accountId))
        .setTaskQueue(PlaybookIds.TASK_QUEUE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setStaticSummary("Event router · account " + accountId)
        .setStaticDetails("Holds SCIM failure events of account " + accountId + " that name no SCIM source until the "
            + "worker has attributed each to its source's playbook run (README, \"Which source an event belongs to\")")
        .build();
  }

  public static String staticSummary(ScimFailureEvent event) {
    return "SCIM sync failing · account " + event.accountId() + " · source " + event.sourceId();
  }

  public static String staticDetails(ScimFailureEvent event) {
    String reason = event.reason() == null ? "not given" : event.reason().replace("\n", " ");
    return "**Failure reason:** " + reason + "\n\n"
        + "**XOps story:** " + (event.storyId() == null ? "not given" : event.storyId()) + "\n\n"
        + "**First event:** " + event.time() + " (" + event.origin() + ")";
  }
}
