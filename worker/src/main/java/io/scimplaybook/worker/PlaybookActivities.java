package io.scimplaybook.worker;

import io.scimplaybook.activities.cato.CatoActivitiesImpl;
import io.scimplaybook.activities.cato.CatoApiSettings;
import io.scimplaybook.activities.cato.CatoGraphqlClient;
import io.scimplaybook.activities.custom.CustomScimIdpPort;
import io.scimplaybook.activities.entra.EntraGraphClient;
import io.scimplaybook.activities.entra.EntraIdpPort;
import io.scimplaybook.activities.entra.EntraSettings;
import io.scimplaybook.activities.escalation.EscalationActivitiesImpl;
import io.scimplaybook.activities.idp.IdpActivitiesImpl;
import io.scimplaybook.activities.idp.IdpPort;
import io.scimplaybook.activities.idp.IdpPorts;
import io.scimplaybook.activities.okta.OktaIdpPort;
import io.scimplaybook.activities.okta.OktaOrgSettings;
import io.scimplaybook.activities.okta.PushPolling;
import io.scimplaybook.activities.onelogin.OneLoginClient;
import io.scimplaybook.activities.onelogin.OneLoginEventRules;
import io.scimplaybook.activities.onelogin.OneLoginIdpPort;
import io.scimplaybook.activities.onelogin.OneLoginSettings;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every activity implementation from the worker's configuration; shared by Spring and the end-to-end test.
 *
 * @param credentialReport one line per source, logged at startup: its IdP and what setting is missing, if any
 */
public record PlaybookActivities(
    SourceActivitiesImpl sources,
    CatoActivitiesImpl cato,
    IdpActivities idp,
    TokenRotationActivitiesImpl tokenRotation,
    EscalationActivitiesImpl escalation,
    CatoGraphqlClient catoGraphql,
    SourceAttribution attribution,
    List<CredentialReport.Line> credentialReport) {

  private static final Logger log = LoggerFactory.getLogger(PlaybookActivities.class);

  /** Unpaced vendor clients: tests, and tools that make a handful of calls. */
  public static PlaybookActivities from(WorkerProperties p) {
    return from(p, null);
  }

  /**
   * @param pacing the interceptor every Cato GraphQL and Graph request goes through (docs/pacing.md), or null for none
   */
  public static PlaybookActivities from(WorkerProperties p, Interceptor pacing) {
    return from(p, pacing, Clock.systemUTC(), PushPolling.DEFAULT);
  }

  /**
   * @param idpClock the IdPs' "now" as the Okta and OneLogin ports read it (their log windows); the end-to-end tests
   *     pass the time-skipping test server's, which the sandbox's IdPs stamp their logs with
   * @param oktaPolling how Okta's provision-now follows a push; the end-to-end tests pass one that does not sleep
   */
  static PlaybookActivities from(WorkerProperties p, Interceptor pacing, Clock idpClock, PushPolling oktaPolling) {
    if (p.cato() == null || p.cato().apiKey() == null || p.cato().apiKey().isBlank()) {
      throw new IllegalStateException("scim-playbook.cato.api-key is not set (environment CATO_API_KEY)");
    }
    String scimBaseUrl = p.cato().scimBaseUrl();
    List<WorkerProperties.Source> configured = p.sources() == null ? List.of() : p.sources();
    // Malformed IdP settings stop the worker here, before anything starts; missing ones are reported below.
    IdpCredentials credentials = IdpCredentials.check(p);
    EntraGraphClient graph = entraGraph(p.entra(), configured, pacing);
    IdpPorts ports = new IdpPorts(
        ports(graph, credentials.oktaOrgs(), credentials.oneloginAccounts(), idpClock, oktaPolling));
    // One Cato client for the playbook's calls and the events-feed poller's, checked once above.
    String sourceIdField = p.cato().sourceIdField() == null || p.cato().sourceIdField().isBlank()
        ? CatoGraphqlClient.SOURCE_ID_FIELD : p.cato().sourceIdField();
    CatoGraphqlClient catoGraphql = new CatoGraphqlClient(
        new CatoApiSettings(p.cato().graphqlUrl(), p.cato().apiKey(), p.cato().timeout()),
        paced(new OkHttpClient.Builder(), pacing), sourceIdField);
    List<SourceProfile> profiles = configured.stream()
        .map(s -> s.toProfile(scimBaseUrl, p.entra() == null ? null : p.entra().tenantId())).toList();
    Set<Idp> withPort = EnumSet.noneOf(Idp.class);
    for (Idp idp : Idp.values()) {
      ports.find(idp).ifPresent(port -> withPort.add(idp));
    }
    List<CredentialReport.Line> report = CredentialReport.lines(configured, credentials, withPort);
    report.forEach(line -> {
      if (line.complete()) {
        log.info("{}", line.text());
      } else {
        log.warn("{}", line.text());
      }
    });
    return new PlaybookActivities(
        new SourceActivitiesImpl(profiles, ports),
        new CatoActivitiesImpl(catoGraphql),
        new IdpActivitiesImpl(ports),
        new TokenRotationActivitiesImpl(TokenSeal.fromBase64Key(p.sealKey()), new CatoScimClient(p.cato().timeout()),
            ports),
        new EscalationActivitiesImpl(p.escalationDir()),
        catoGraphql,
        // One attribution for the poller's deliveries and the router's: the same order, the same per-account count.
        new SourceAttribution(profiles),
        report);
  }

  /**
   * The worker's IdP ports, one per IdP it can reach. An IdP without a port has every step as an operator task, and
   * the startup report and each run's evidence say which setting would change that.
   *
   * @param oktaOrgs the Okta orgs with complete credentials (checked by {@link IdpCredentials})
   * @param oneloginAccounts the OneLogin accounts with complete credentials
   */
  static List<IdpPort> ports(
      EntraGraphClient graph, List<OktaOrgSettings> oktaOrgs, List<OneLoginSettings> oneloginAccounts,
      Clock idpClock, PushPolling oktaPolling) {
    List<IdpPort> ports = new ArrayList<>();
    if (graph != null) {
      ports.add(new EntraIdpPort(graph));
    }
    ports.add(new CustomScimIdpPort());
    // One line per IdP port (ARCHITECTURE.md, "Adding an IdP").
    ports.add(new OktaIdpPort(oktaOrgs, null, idpClock, oktaPolling));
    ports.add(new OneLoginIdpPort(oneloginAccounts, OneLoginEventRules.defaults(),
        OneLoginIdpPort.DEFAULT_CYCLE_LOOKBACK, idpClock, OneLoginClient::new));
    return ports;
  }

  /**
   * The Graph client, or null when no Entra credential is set (a worker for Okta, OneLogin or custom sources only, or
   * one whose Entra ID sources are left to operators until the credentials are set; the startup report names them).
   * Some credentials without the others is a typo, not a choice: refused.
   */
  private static OkHttpClient paced(OkHttpClient.Builder http, Interceptor pacing) {
    return pacing == null ? http.build() : http.addInterceptor(pacing).build();
  }

  private static EntraGraphClient entraGraph(
      WorkerProperties.Entra entra, List<WorkerProperties.Source> sources, Interceptor pacing) {
    List<String> missing = entra == null ? WorkerProperties.Entra.CREDENTIALS : entra.missingCredentials();
    List<String> entraSources = sources.stream().filter(s -> s.idp() == Idp.ENTRA_ID)
        .map(s -> s.accountId() + "/" + s.sourceId()).toList();
    if (missing.size() == WorkerProperties.Entra.CREDENTIALS.size()) {
      return null;
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("scim-playbook.entra." + String.join(", scim-playbook.entra.", missing)
          + (missing.size() == 1 ? " is" : " are") + " not set (" + missing.stream()
              .map(m -> "ENTRA_" + m.toUpperCase(Locale.ROOT).replace('-', '_')).collect(Collectors.joining(", "))
          + "); set all three, or none (then " + (entraSources.isEmpty() ? "no Entra ID source can be automated"
              : "the Entra ID steps of " + String.join(", ", entraSources) + " are operator tasks") + ")");
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
