package io.scimplaybook.workflows;

import io.scimplaybook.api.findings.ConfigChange;
import io.scimplaybook.api.input.Idp;
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

  static String approveRotation(SourceProfile p, int attempt) {
    String retry = attempt > 1 ? "The previous token was not accepted: generate a fresh one. " : "";
    String after = p.idp().hasProvisioningApi()
        ? "The workflow then checks it against Cato's SCIM endpoint, runs " + p.idp().displayName()
            + "'s Test Connection with it, saves it as the app's provisioning credentials and provisions "
            + p.probeUser() + " again."
        : "The workflow then checks it against Cato's SCIM endpoint and asks you to install it in "
            + p.idp().displayName() + ".";
    return retry + "In the Cato Management Application open Access > Directory Services > SCIM, select source "
        + p.displayName() + " and Generate Token (it is shown once; generating it invalidates the old one). Save it "
        + "to a file only you can read and run the approve command: the CLI seals the token before it leaves your "
        + "machine. " + after + " Reject instead if the token must not be rotated now.";
  }

  static String confirmScheduledSync(SourceProfile p, java.time.Instant fixedAt) {
    return "The fix was applied at " + fixedAt + ". " + p.idp().displayName() + " has no API that tells whether its "
        + "scheduled sync ran since: open the Cato app's provisioning page (Okta: the app's Provisioning tab and the "
        + "System Log; OneLogin: the app's Provisioning and Activity pages) and check the first scheduled sync after "
        + fixedAt + ". Confirm (SUCCEEDED) when it pushed users to Cato without errors; answer FAILED with the error "
        + "shown when it failed. Do not answer before a scheduled sync has run.";
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
      case OKTA -> "In the Okta Admin Console open Applications > the Cato app > Assignments, select "
          + p.probeUser() + " and choose Provision User (or re-push the user's profile).";
      case ONELOGIN -> "In OneLogin open Users > " + p.probeUser() + " > Applications and reapply the Cato app's "
          + "entitlements (or Applications > the Cato app > Users > Reapply mappings).";
      default -> "In the IdP's admin console push one assigned user (" + p.probeUser() + ") to the Cato SCIM app.";
    };
    return where + " Then check in the CMA (Access > Directory Services > SCIM) whether the user arrived: confirm "
        + "(SUCCEEDED) if it did, answer FAILED with the error shown if it did not.";
  }

  static String installToken(SourceProfile p) {
    String where = p.idp() == Idp.OKTA
        ? "In the Okta Admin Console open Applications > the Cato app > Provisioning > Integration, edit the API "
            + "credentials, paste the new token, Test API Credentials and Save."
        : "Open the Cato app's provisioning settings in " + p.idp().displayName() + ", replace the SCIM token with "
            + "the new one, test the connection and save.";
    return "Cato accepts the new token. " + where + " Confirm (SUCCEEDED) when the test passed and it is saved, answer "
        + "FAILED with the error otherwise.";
  }
}
