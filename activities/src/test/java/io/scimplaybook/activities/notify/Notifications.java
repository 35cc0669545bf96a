package io.scimplaybook.activities.notify;

import io.scimplaybook.api.notify.Notification;
import io.scimplaybook.api.notify.NotificationKind;
import io.scimplaybook.api.operator.TaskKind;
import java.util.List;

/** Notifications as the playbook sends them, for the channel tests. */
final class Notifications {
  static final String WORKFLOW_ID = "scim-playbook-12345-7";
  static final String APPROVE = "./scim-playbook approve --workflow-id " + WORKFLOW_ID
      + " --approver <you> --token-file <file with the new token>";
  static final String REJECT = "./scim-playbook reject --workflow-id " + WORKFLOW_ID
      + " --operator <you> --reason \"<why>\"";

  private Notifications() {}

  static Notification rotationTask() {
    return new Notification(NotificationKind.TASK_OPENED, WORKFLOW_ID, "12345", "7", "Contoso Entra ID", "Entra ID",
        "t1", TaskKind.APPROVE_ROTATION, "Approve a new SCIM token for Contoso Entra ID",
        "In the Cato Management Application open Access > Directory Services > SCIM and Generate Token.",
        List.of(APPROVE, REJECT), null);
  }

  static Notification escalation() {
    return new Notification(NotificationKind.ESCALATED, WORKFLOW_ID, "12345", "7", "Contoso Entra ID", "Entra ID",
        null, null, "The SCIM playbook escalated " + WORKFLOW_ID,
        "Open a Cato support case with the support bundle at /escalations/b.md.",
        List.of("./scim-playbook report --workflow-id " + WORKFLOW_ID), "Token rotation was rejected by bob");
  }
}
