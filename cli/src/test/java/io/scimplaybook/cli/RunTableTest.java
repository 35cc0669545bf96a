package io.scimplaybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scimplaybook.api.PlaybookSearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.internal.common.ProtobufTimeUtils;
import io.temporal.internal.common.SearchAttributesUtil;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTableTest {

  @Test
  void aListedRunShowsItsSearchAttributesAndDashesForWhatItHasNotSet() {
    RunRow open = RunRow.of(listed("scim-playbook-12345-7", WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        SearchAttributes.newBuilder()
            .set(PlaybookSearchAttributes.ACCOUNT_ID, "12345")
            .set(PlaybookSearchAttributes.IDP, "ENTRA_ID")
            .set(PlaybookSearchAttributes.STEP, "OPERATOR_REVIEW")
            .build(), "2026-11-29T06:00:05Z"));
    RunRow closed = RunRow.of(listed("scim-playbook-12345-10", WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED,
        SearchAttributes.newBuilder()
            .set(PlaybookSearchAttributes.STEP, "DONE")
            .set(PlaybookSearchAttributes.OUTCOME, "RESOLVED")
            .set(PlaybookSearchAttributes.ROOT_CAUSE, "TOKEN_MISMATCH")
            .set(PlaybookSearchAttributes.IDP, "OKTA")
            .build(), "2026-11-28T22:10:00Z"));

    assertThat(open).isEqualTo(new RunRow("scim-playbook-12345-7", "RUNNING", "OPERATOR_REVIEW", null, null, "ENTRA_ID",
        Instant.parse("2026-11-29T06:00:05Z")));
    assertThat(RunTable.render(List.of(open, closed))).isEqualTo("""
        WORKFLOW ID             STATE      STEP             OUTCOME   ROOT CAUSE      IDP       STARTED
        scim-playbook-12345-7   RUNNING    OPERATOR_REVIEW  -         -               ENTRA_ID  2026-11-29T06:00:05Z
        scim-playbook-12345-10  COMPLETED  DONE             RESOLVED  TOKEN_MISMATCH  OKTA      2026-11-28T22:10:00Z
        """);
  }

  private static WorkflowExecutionMetadata listed(
      String workflowId, WorkflowExecutionStatus status, SearchAttributes attributes, String started) {
    WorkflowExecutionInfo info = WorkflowExecutionInfo.newBuilder()
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId("r1"))
        .setType(WorkflowType.newBuilder().setName("ScimPlaybookWorkflow"))
        .setStatus(status)
        .setStartTime(ProtobufTimeUtils.toProtoTimestamp(Instant.parse(started)))
        .setSearchAttributes(SearchAttributesUtil.encodeTyped(attributes))
        .build();
    return new WorkflowExecutionMetadata(info, DefaultDataConverter.STANDARD_INSTANCE);
  }
}
