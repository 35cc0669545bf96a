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
import io.scimplaybook.activities.source.SourceAttribution;
import io.scimplaybook.api.activities.IdpActivities;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.SourceProfile;
import io.scimplaybook.api.secrets.TokenSeal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/** Builds every activity implementation from the worker's configuration; shared by Spring and the end-to-end test. */
public record PlaybookActivities(
    SourceActivitiesImpl sources,
    CatoActivitiesImpl cato,
    IdpActivities idp,
    TokenRotationActivitiesImpl tokenRotation,
    EscalationActivitiesImpl escalation,
    CatoGraphqlClient catoGraphql,
    SourceAttribution attribution) {

  /** Unpaced vendor clients: tests, and tools that make a handful of calls. */
  public static PlaybookActivities from(WorkerProperties p) {
    return from(p, null);
  }

  /**
   * @param pacing the interceptor every Cato GraphQL and Graph request goes through (docs/pacing.md), or null for none
   */
  public static PlaybookActivities from(WorkerProperties p, Interceptor pacing) {
    if (p.cato() == null || p.cato().apiKey() == null || p.cato().apiKey().isBlank()) {
      throw new IllegalStateException("scim-playbook.cato.api-key is not set (environment CATO_API_KEY)");
    }
    String scimBaseUrl = p.cato().scimBaseUrl();
    List<WorkerProperties.Source> configured = p.sources() == null ? List.of() : p.sources();
    EntraGraphClient graph = entraGraph(p.entra(), configured, pacing);
    // One Cato client for the playbook's calls and the events-feed poller's, checked once above.
    String sourceIdField = p.cato().sourceIdField() == null || p.cato().sourceIdField().isBlank()
        ? CatoGraphqlClient.SOURCE_ID_FIELD : p.cato().sourceIdField();
    CatoGraphqlClient catoGraphql = new CatoGraphqlClient(
        new CatoApiSettings(p.cato().graphqlUrl(), p.cato().apiKey(), p.cato().timeout()),
        paced(new OkHttpClient.Builder(), pacing), sourceIdField);
    List<SourceProfile> profiles = configured.stream()
        .map(s -> s.toProfile(scimBaseUrl, p.entra() == null ? null : p.entra().tenantId())).toList();
    return new PlaybookActivities(
        new SourceActivitiesImpl(profiles),
        new CatoActivitiesImpl(catoGraphql),
        graph == null ? new IdpActivitiesWithoutEntra() : new EntraIdpActivitiesImpl(graph),
        new TokenRotationActivitiesImpl(TokenSeal.fromBase64Key(p.sealKey()), new CatoScimClient(p.cato().timeout()), graph),
        new EscalationActivitiesImpl(p.escalationDir()),
        catoGraphql,
        // One attribution for the poller's deliveries and the router's: the same order, the same per-account count.
        new SourceAttribution(profiles));
  }

  /**
   * The Graph client, or null when no Entra credential is set and no source needs one (a worker for Okta, OneLogin or
   * custom sources only). Some credentials without the others is a typo, not a choice: refused either way.
   */
  private static OkHttpClient paced(OkHttpClient.Builder http, Interceptor pacing) {
    return pacing == null ? http.build() : http.addInterceptor(pacing).build();
  }

  private static EntraGraphClient entraGraph(
      WorkerProperties.Entra entra, List<WorkerProperties.Source> sources, Interceptor pacing) {
    List<String> missing = entra == null ? WorkerProperties.Entra.CREDENTIALS : entra.missingCredentials();
    List<String> entraSources = sources.stream().filter(s -> s.idp() == Idp.ENTRA_ID)
        .map(s -> s.accountId() + "/" + s.sourceId()).toList();
    if (missing.size() == WorkerProperties.Entra.CREDENTIALS.size() && entraSources.isEmpty()) {
      return null;
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("scim-playbook.entra." + String.join(", scim-playbook.entra.", missing)
          + (missing.size() == 1 ? " is" : " are") + " not set (" + missing.stream()
              .map(m -> "ENTRA_" + m.toUpperCase(Locale.ROOT).replace('-', '_')).collect(Collectors.joining(", "))
          + ")" + (entraSources.isEmpty() ? "; set all three, or none when no source uses Entra ID"
              : "; Entra ID source(s) " + String.join(", ", entraSources) + " need them"));
    }
    EntraSettings settings = new EntraSettings(entra.loginBaseUrl(), entra.graphBaseUrl(), entra.tenantId(),
        entra.clientId(), entra.clientSecret(), entra.timeout());
    if (pacing == null) {
      return new EntraGraphClient(settings);
    }
    Duration timeout = settings.timeout();
    // The client's own defaults (EntraGraphClient(settings)) plus the pacing interceptor.
    return new EntraGraphClient(settings, paced(new OkHttpClient.Builder().callTimeout(timeout)
        .connectTimeout(timeout).readTimeout(timeout), pacing), Clock.systemUTC());
  }

  public Object[] all() {
    return new Object[] {sources, cato, idp, tokenRotation, escalation};
  }
}
