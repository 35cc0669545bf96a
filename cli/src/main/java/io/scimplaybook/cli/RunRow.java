package io.scimplaybook.cli;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.time.Instant;

/** One playbook run as {@code list} shows it: what the UI's list shows, from the run's search attributes. */
record RunRow(
    String workflowId, String state, String step, String outcome, String rootCause, String idp, Instant startTime) {

  static RunRow of(WorkflowExecutionMetadata run) {
    SearchAttributes attributes = run.getTypedSearchAttributes();
    return new RunRow(run.getExecution().getWorkflowId(), RunState.name(run.getStatus()),
        attributes.get(PlaybookSearchAttributes.STEP), attributes.get(PlaybookSearchAttributes.OUTCOME),
        attributes.get(PlaybookSearchAttributes.ROOT_CAUSE), attributes.get(PlaybookSearchAttributes.IDP),
        run.getStartTime());
  }
}
