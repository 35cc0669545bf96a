package io.scimplaybook.starter;

import io.scimplaybook.workflows.messages.PlaybookInput;
import io.scimplaybook.workflows.messages.RotationApproval;
import io.scimplaybook.workflows.messages.RotationRejection;
import io.scimplaybook.workflows.messages.ScimFailureEvent;
import io.scimplaybook.workflows.messages.TaskDecision;
import java.util.List;

/** Everything the fake playbook run was given: its input and every signal, in arrival order. */
public record SignalLog(
    PlaybookInput input,
    List<ScimFailureEvent> failures,
    List<RotationApproval> approvals,
    List<RotationRejection> rejections,
    List<TaskDecision> decisions) {}
