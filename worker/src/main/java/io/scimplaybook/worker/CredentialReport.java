package io.scimplaybook.worker;

import io.scimplaybook.api.input.Idp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the worker tells at startup about each source: its IdP and, when something is missing, the exact setting and
 * which of the playbook's IdP steps that leaves to operators. Missing credentials never stop the worker; the run turns
 * those steps into operator tasks. Built from configuration only: no IdP is called at startup (what an IdP's API
 * automates for a source, e.g. Okta's token install, is asked at each run's start by {@code describeSource}).
 */
final class CredentialReport {
  private CredentialReport() {}

  /** @param complete false when a setting is missing (logged as a warning) */
  record Line(boolean complete, String text) {}

  static List<Line> lines(List<WorkerProperties.Source> sources, IdpCredentials credentials, Set<Idp> ports) {
    return sources.stream().map(source -> line(source, credentials, ports)).toList();
  }

  static Line line(WorkerProperties.Source s, IdpCredentials credentials, Set<Idp> ports) {
    Idp idp = s.idp();
    String head = "source " + s.name() + " (" + idp.displayName() + "): ";
    String own = "scim-playbook.sources[" + s.name() + "].";
    List<String> everything = new ArrayList<>();
    List<String> provisionOnly = new ArrayList<>();
    // What a missing probe user leaves manual: the push where the IdP has one, else only the check of the claim.
    String partial = "provisioning the probe user now is an operator task";
    String present;
    switch (idp) {
      case ENTRA_ID -> {
        if (!ports.contains(Idp.ENTRA_ID)) {
          everything.add("scim-playbook.entra.tenant-id, client-id and client-secret");
        }
        if (!set(s.servicePrincipalId()) || !set(s.jobId())) {
          everything.add(own + "service-principal-id and job-id");
        }
        if (!set(s.ruleId()) || !set(s.probeObjectId())) {
          provisionOnly.add(own + "rule-id and probe-object-id");
        }
        present = "Graph credentials and the app's target present; every Entra ID step is automated";
      }
      case OKTA -> {
        if (!set(s.oktaOrgUrl())) {
          everything.add(own + "okta-org-url");
        } else if (!credentials.hasOkta(s.oktaOrgUrl())) {
          everything.add("scim-playbook.okta.orgs[url=" + s.oktaOrgUrl().strip()
              + "].api-token or client-id+private-key");
        }
        if (!set(s.oktaAppId())) {
          everything.add(own + "okta-app-id");
        }
        if (!set(s.oktaProbeUserId())) {
          provisionOnly.add(own + "okta-probe-user-id");
        }
        notBuiltIn(idp, ports, everything);
        present = "credentials for " + (set(s.oktaOrgUrl()) ? s.oktaOrgUrl().strip() : "") + " present; each run "
            + "asks Okta what it automates (token install only where the app's connections API supports it)";
      }
      case ONELOGIN -> {
        if (!set(s.oneloginApiUrl())) {
          everything.add(own + "onelogin-api-url");
        } else if (!credentials.hasOneLogin(s.oneloginApiUrl())) {
          everything.add("scim-playbook.onelogin.accounts[url=" + s.oneloginApiUrl().strip()
              + "].client-id+client-secret");
        }
        if (!set(s.oneloginAppId())) {
          everything.add(own + "onelogin-app-id");
        }
        if (!set(s.oneloginProbeUserId())) {
          provisionOnly.add(own + "onelogin-probe-user-id");
          partial = "an operator's word that the probe user was provisioned is taken unchecked";
        }
        notBuiltIn(idp, ports, everything);
        present = "credentials for " + (set(s.oneloginApiUrl()) ? s.oneloginApiUrl().strip() : "") + " present; "
            + "OneLogin's events are read as evidence, the rest are operator tasks checked afterwards";
      }
      default -> {
        return new Line(true, head + "nothing to set: a custom SCIM app's IdP steps are operator tasks, checked "
            + "against Cato's events, stories and audit trail");
      }
    }
    if (everything.isEmpty() && provisionOnly.isEmpty()) {
      return new Line(true, head + present);
    }
    List<String> missing = new ArrayList<>(everything);
    missing.addAll(provisionOnly);
    String manual = everything.isEmpty()
        ? partial
        : "every " + idp.displayName() + " step for it is an operator task";
    return new Line(false, head + "missing " + String.join("; ", missing) + ", so " + manual + " until "
        + (missing.size() == 1 ? "it is" : "they are") + " set");
  }

  /** A worker built without the IdP's port (it is wired in PlaybookActivities) automates nothing for it. */
  private static void notBuiltIn(Idp idp, Set<Idp> ports, List<String> everything) {
    if (!ports.contains(idp)) {
      everything.add(
          "a port for " + idp.displayName() + " in this worker build (PlaybookActivities registers none)");
    }
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
