package io.scimplaybook.testkit;

import io.scimplaybook.api.input.PlaybookInput;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.operator.RotationApproval;
import io.scimplaybook.api.operator.RotationRejection;
import io.scimplaybook.api.operator.TaskDecision;
import java.util.List;

/** Everything the fake playbook run was given: its input and every signal, in arrival order. */
public record SignalLog(
    PlaybookInput input,
    List<ScimFailureEvent> failures,
    List<RotationApproval> approvals,
    List<RotationRejection> rejections,
    List<TaskDecision> decisions) {}
