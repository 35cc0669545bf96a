package io.scimplaybook.workflows;

import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.input.IdpCapability;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.operator.TaskKind;
import java.util.List;

/** The exact words and commands an operator gets for each task; kept apart so the workflow reads as the playbook. */
final class Instructions {
  static final String CLI = "./scim-playbook";

  private Instructions() {}

  static List<String> commands(TaskKind kind, String workflowId, String taskId) {
    String task = " --workflow-id " + workflowId + " --task-id " + taskId + " --operator <you>";
    // confirm is the yes-answer (REVERTED for suspects, SUCCEEDED for manual steps); decide gives the other one.
    String confirm = CLI + " confirm" + task;
    String decide = CLI + " decide" + task + " --decision ";
    return switch (kind) {
      case APPROVE_ROTATION -> List.of(
          CLI + " approve --workflow-id " + workflowId + " --approver <you> --token-file <file with the new token>",
          CLI + " reject --workflow-id " + workflowId + " --operator <you> --reason \"<why>\"");
      case REVIEW_SUSPECTS -> List.of(confirm + " --note \"<what you reverted>\"", decide + "DISMISSED");
      case PROVISION_MANUALLY, INSTALL_TOKEN_MANUALLY, CONFIRM_SCHEDULED_SYNC ->
          List.of(confirm, decide + "FAILED --note \"<error shown>\"");
    };
  }

  /** After an escalation the operator's command reads the report, which names the support bundle. */
  static List<String> escalated(String workflowId) {
    return List.of(CLI + " report --workflow-id " + workflowId);
  }

  static String approveRotation(SourceProfile p, Capabilities can, int attempt) {
    String retry = attempt > 1 ? "The previous token was not accepted: generate a fresh one. " : "";
    String idpName = p.idp().displayName();
    String after = "The workflow then checks it against Cato's SCIM endpoint"
        + (can.automates(IdpCapability.TEST_TOKEN) ? ", runs " + idpName + "'s Test Connection with it" : "")
        + (can.automates(IdpCapability.SAVE_TOKEN) ? ", saves it as the app's provisioning credentials"
            : " and asks you to install it in " + idpName)
        + (can.automates(IdpCapability.PROVISION_NOW) ? " and provisions " + p.probeUser() + " again." : ".");
    return retry + "In the Cato Management Application open Access > Directory Services > SCIM, select source "
        + p.displayName() + " and Generate Token (it is shown once; generating it invalidates the old one). Save it "
        + "to a file only you can read and run the approve command: the CLI seals the token before it leaves your "
        + "machine. " + after + " Reject instead if the token must not be rotated now.";
  }

  static String confirmScheduledSync(SourceProfile p, java.time.Instant fixedAt) {
    String where = switch (p.idp()) {
      case OKTA -> "In the Okta Admin Console open Applications > Applications > " + app(p) + " > Provisioning (To App"
          + " settings) and Reports > System Log, filtered to the app (application.provision.user.*)";
      case ONELOGIN -> "In OneLogin open Applications > " + app(p) + " > Provisioning and Activity > Events, filtered"
          + " to the app";
      case ENTRA_ID -> "In the Microsoft Entra admin center open Enterprise applications > " + app(p)
          + " > Provisioning > Provisioning logs";
      case CUSTOM -> "Open the sync log of the SCIM client that provisions " + app(p) + " (its SCIM settings)";
    };
    return "The fix was applied at " + fixedAt + ". This worker cannot read " + p.idp().displayName() + "'s scheduled"
        + " syncs for this source. " + where + " and check the first scheduled sync after " + fixedAt + ". Confirm "
        + "(SUCCEEDED) when it pushed users to Cato without errors; answer FAILED with the error shown when it failed. "
        + "Do not answer before a scheduled sync has run." + why(p);
  }

  static String reviewSuspects(List<ConfigChange> suspects) {
    StringBuilder s = new StringBuilder("These changes were made shortly before provisioning started failing:\n");
    for (ConfigChange c : suspects) {
      s.append("- ").append(c.time()).append(' ').append(c.origin()).append(": ").append(c.actor()).append(' ')
          .append(c.changeType()).append(' ').append(c.objectType()).append(" '").append(c.objectName()).append("'\n");
    }
    return s.append("If one of them broke SCIM provisioning, revert it where it was made and confirm (REVERTED); the "
        + "workflow provisions a user again to check. If none did, answer DISMISSED and it goes on to token "
        + "rotation.").toString();
  }

  static String provisionManually(SourceProfile p) {
    String where = switch (p.idp()) {
      case OKTA -> "In the Okta Admin Console open Applications > Applications > " + app(p) + " > Assignments, find "
          + p.probeUser() + " and push the user to Cato (Provision User, or edit the assignment and Save to push it"
          + " again).";
      case ONELOGIN -> "In OneLogin open Applications > " + app(p) + " > Users, select " + p.probeUser() + " and "
          + "reapply its provisioning (the app's Provisioning tab must have provisioning enabled).";
      case ENTRA_ID -> "In the Microsoft Entra admin center open Enterprise applications > " + app(p)
          + " > Provisioning > Provision on demand and provision " + p.probeUser() + ".";
      case CUSTOM -> "In the SCIM client that provisions " + app(p) + ", push one assigned user (" + p.probeUser()
          + ") to Cato from the app's SCIM settings.";
    };
    return where + " Then check in the CMA (Access > Directory Services > SCIM) whether the user arrived: confirm "
        + "(SUCCEEDED) if it did, answer FAILED with the error shown if it did not. The run then checks what it can."
        + why(p);
  }

  static String installToken(SourceProfile p) {
    String where = switch (p.idp()) {
      case OKTA -> "In the Okta Admin Console open Applications > Applications > " + app(p) + " > Provisioning > "
          + "Integration, Edit, paste the new token as the API token, Test API Credentials and Save.";
      case ONELOGIN -> "In OneLogin open Applications > " + app(p) + " > Configuration, paste the new token as the "
          + "SCIM Bearer Token and Save (Provisioning stays enabled on the Provisioning tab).";
      case ENTRA_ID -> "In the Microsoft Entra admin center open Enterprise applications > " + app(p)
          + " > Provisioning > Admin credentials, paste the new token as the Secret Token, Test Connection and Save.";
      case CUSTOM -> "Open the SCIM settings of the client that provisions " + app(p) + ", replace its bearer token "
          + "with the new one, test the connection and save.";
    };
    return "Cato accepts the new token. " + where + " Confirm (SUCCEEDED) when the test passed and it is saved, answer "
        + "FAILED with the error otherwise. The run then checks what it can." + why(p);
  }

  /** The same task again, with what contradicted the operator's last answer first. */
  static String reopened(String seen, String instructions) {
    return "Opened again: the last answer said this was done, but the evidence says otherwise. " + seen + "\n\n"
        + instructions;
  }

  /** Where a person reads the IdP's changes to the Cato app, for the review the worker cannot do. */
  static String auditTrailWhere(SourceProfile p) {
    return switch (p.idp()) {
      case OKTA -> "the Okta Admin Console's Reports > System Log, filtered to " + app(p);
      case ONELOGIN -> "OneLogin's Activity > Events, filtered to " + app(p);
      case ENTRA_ID -> "the Microsoft Entra admin center's Audit logs for " + app(p);
      case CUSTOM -> "the change log of the SCIM client that provisions " + app(p);
    };
  }

  /** The Cato app as the operator finds it in the IdP's console: the source's name and, where known, its id. */
  private static String app(SourceProfile p) {
    String id = p.okta() != null ? p.okta().appId() : p.onelogin() != null ? p.onelogin().appId() : null;
    return "the Cato app for " + p.displayName() + (id == null ? "" : " (app id " + id + ")");
  }

  /** Why this task is manual, in the worker's own words; every reason it gave, since they may name several steps. */
  private static String why(SourceProfile p) {
    List<String> reasons = p.manualReasons();
    return reasons.isEmpty() ? "" : " Why this is manual: " + String.join("; ", reasons) + ".";
  }
}
