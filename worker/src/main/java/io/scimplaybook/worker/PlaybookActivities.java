package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoActivitiesImpl;
import io.scimplaybook.activities.cato.CatoApiSettings;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.entra.EntraGraphClient;
import io.scimplaybook.activities.entra.EntraIdpActivitiesImpl;
import io.scimplaybook.activities.entra.EntraSettings;
import io.scimplaybook.activities.escalation.EscalationActivitiesImpl;
import io.scimplaybook.activities.rotation.TokenRotationActivitiesImpl;
import io.scimplaybook.activities.scim.CatoScimClient;
import io.scimplaybook.activities.source.SourceActivitiesImpl;
import io.scimplaybook.workflows.secrets.TokenSeal;
import java.util.List;

/** Builds every activity implementation from the worker's configuration; shared by Spring and the end-to-end test. */
public record PlaybookActivities(
    SourceActivitiesImpl sources,
    CatoActivitiesImpl cato,
    EntraIdpActivitiesImpl idp,
    TokenRotationActivitiesImpl tokenRotation,
    EscalationActivitiesImpl escalation) {

  public static PlaybookActivities from(WorkerProperties p) {
    if (p.cato() == null || p.cato().apiKey() == null || p.cato().apiKey().isBlank()) {
      throw new IllegalStateException("scim-playbook.cato.api-key is not set (environment CATO_API_KEY)");
    }
    String scimBaseUrl = p.cato().scimBaseUrl();
    if (p.entra() == null || !p.entra().configured()) {
      throw new IllegalStateException(
          "scim-playbook.entra tenant-id, client-id and client-secret are not set (ENTRA_TENANT_ID, ENTRA_CLIENT_ID, "
              + "ENTRA_CLIENT_SECRET)");
    }
    EntraGraphClient graph = new EntraGraphClient(new EntraSettings(p.entra().loginBaseUrl(),
        p.entra().graphBaseUrl(), p.entra().tenantId(), p.entra().clientId(), p.entra().clientSecret(),
        p.entra().timeout()));
    List<WorkerProperties.Source> configured = p.sources() == null ? List.of() : p.sources();
    return new PlaybookActivities(
        new SourceActivitiesImpl(configured.stream().map(s -> s.toProfile(scimBaseUrl)).toList()),
        new CatoActivitiesImpl(new CatoGraphqlClient(
            new CatoApiSettings(p.cato().graphqlUrl(), p.cato().apiKey(), p.cato().timeout()))),
        new EntraIdpActivitiesImpl(graph),
        new TokenRotationActivitiesImpl(TokenSeal.fromBase64Key(p.sealKey()), new CatoScimClient(p.cato().timeout()), graph),
        new EscalationActivitiesImpl(p.escalationDir()));
  }

  public Object[] all() {
    return new Object[] {sources, cato, idp, tokenRotation, escalation};
  }
}
