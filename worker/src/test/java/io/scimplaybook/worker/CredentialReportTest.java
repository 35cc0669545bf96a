package io.scimplaybook.worker;

import static io.scimplaybook.worker.IdpSettingsFixtures.API_TOKEN;
import static io.scimplaybook.worker.IdpSettingsFixtures.CLIENT_SECRET;
import static io.scimplaybook.worker.IdpSettingsFixtures.OKTA_URL;
import static io.scimplaybook.worker.IdpSettingsFixtures.ONELOGIN_URL;
import static io.scimplaybook.worker.IdpSettingsFixtures.account;
import static io.scimplaybook.worker.IdpSettingsFixtures.custom;
import static io.scimplaybook.worker.IdpSettingsFixtures.okta;
import static io.scimplaybook.worker.IdpSettingsFixtures.onelogin;
import static io.scimplaybook.worker.IdpSettingsFixtures.properties;
import static io.scimplaybook.worker.IdpSettingsFixtures.tokenOrg;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimplaybook.api.input.Idp;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One startup line per source: its IdP, the exact missing setting, and what that leaves to operators. */
class CredentialReportTest {
  /** Every IdP with a port, as once the Okta and OneLogin ports are wired in. */
  static final Set<Idp> ALL_PORTS = EnumSet.allOf(Idp.class);

  private static CredentialReport.Line line(
      WorkerProperties.Source source, WorkerProperties p, Set<Idp> ports) {
    return CredentialReport.line(source, IdpCredentials.check(p), ports);
  }

  @Test
  void anOktaSourceWhoseOrgHasNoCredentialsNamesTheOrgsCredentialSettingAndMakesEveryStepManual() {
    WorkerProperties.Source source = okta("7", OKTA_URL, "0oa1", "00u1");
    WorkerProperties p = properties(List.of(source), List.of(), List.of());

    CredentialReport.Line line = line(source, p, ALL_PORTS);

    assertThat(line.complete()).isFalse();
    assertThat(line.text()).isEqualTo("source 12345/7 (Okta): missing scim-playbook.okta.orgs[url=https://acme.okta.com]"
        + ".api-token or client-id+private-key, so every Okta step for it is an operator task until it is set");
  }

  @Test
  void anOktaSourceWithoutItsProbeUserIdLeavesOnlyProvisionNowToOperators() {
    WorkerProperties.Source source = okta("7", OKTA_URL, "0oa1", null);
    WorkerProperties p = properties(List.of(source), List.of(tokenOrg(OKTA_URL)), List.of());

    assertThat(line(source, p, ALL_PORTS).text()).isEqualTo("source 12345/7 (Okta): missing "
        + "scim-playbook.sources[12345/7].okta-probe-user-id, so provisioning the probe user now is an operator task "
        + "until it is set");
  }

  @Test
  void aOneLoginSourceWithoutItsProbeUserIdCannotHaveTheProvisioningClaimChecked() {
    WorkerProperties.Source source = onelogin("8", ONELOGIN_URL, "55", " ");
    WorkerProperties p = properties(List.of(source), List.of(), List.of(account(ONELOGIN_URL, "id", CLIENT_SECRET)));

    assertThat(line(source, p, ALL_PORTS).text()).isEqualTo("source 12345/8 (OneLogin): missing "
        + "scim-playbook.sources[12345/8].onelogin-probe-user-id, so an operator's word that the probe user was "
        + "provisioned is taken unchecked until it is set");
  }

  @Test
  void everyMissingSettingOfASourceIsNamedOnItsOneLine() {
    WorkerProperties.Source source = onelogin("8", null, null, null);
    WorkerProperties p = properties(List.of(source), List.of(), List.of());

    assertThat(line(source, p, ALL_PORTS).text()).isEqualTo("source 12345/8 (OneLogin): missing "
        + "scim-playbook.sources[12345/8].onelogin-api-url; scim-playbook.sources[12345/8].onelogin-app-id; "
        + "scim-playbook.sources[12345/8].onelogin-probe-user-id, so every OneLogin step for it is an operator task "
        + "until they are set");
  }

  @Test
  void completeSettingsAreSaidOnceWithoutSecrets() {
    WorkerProperties.Source okta = okta("7", OKTA_URL + "/", "0oa1", "00u1");
    WorkerProperties.Source onelogin = onelogin("8", ONELOGIN_URL, "55", "66");
    WorkerProperties p = properties(List.of(okta, onelogin), List.of(tokenOrg(OKTA_URL)),
        List.of(account(ONELOGIN_URL, "ol-client", CLIENT_SECRET)));

    List<CredentialReport.Line> lines = CredentialReport.lines(p.sources(), IdpCredentials.check(p), ALL_PORTS);

    assertThat(lines).extracting(CredentialReport.Line::complete).containsExactly(true, true);
    assertThat(lines.get(0).text()).startsWith("source 12345/7 (Okta): credentials for https://acme.okta.com/ present");
    assertThat(lines.get(1).text()).startsWith("source 12345/8 (OneLogin): credentials for https://acme.onelogin.com");
    assertThat(lines).extracting(CredentialReport.Line::text).noneMatch(t -> t.contains(API_TOKEN))
        .noneMatch(t -> t.contains(CLIENT_SECRET));
  }

  @Test
  void anIdpWhosePortThisBuildDoesNotRegisterIsNamedAsMissingToo() {
    WorkerProperties.Source source = okta("7", OKTA_URL, "0oa1", "00u1");
    WorkerProperties p = properties(List.of(source), List.of(tokenOrg(OKTA_URL)), List.of());

    CredentialReport.Line line = line(source, p, EnumSet.of(Idp.ENTRA_ID, Idp.CUSTOM));

    assertThat(line.complete()).isFalse();
    assertThat(line.text()).contains("a port for Okta in this worker build", "every Okta step for it is an operator task");
  }

  @Test
  void aCustomSourceNeedsNothing() {
    WorkerProperties.Source source = custom("9");

    CredentialReport.Line line = line(source, properties(List.of(source), List.of(), List.of()), ALL_PORTS);

    assertThat(line.complete()).isTrue();
    assertThat(line.text()).startsWith("source 12345/9 (Custom SCIM app): nothing to set");
  }

  @Test
  void theWorkerLogsOneLinePerSourceAtStartupWarningWhereSomethingIsMissing() {
    Logger logger = (Logger) LoggerFactory.getLogger(PlaybookActivities.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      PlaybookActivities.from(properties(
          List.of(okta("7", OKTA_URL, "0oa1", "00u1"), custom("9"), onelogin("8", ONELOGIN_URL, "55", "66")),
          List.of(tokenOrg(OKTA_URL)), List.of()));
    } finally {
      logger.detachAppender(appender);
    }

    List<ILoggingEvent> events = appender.list;
    assertThat(events).extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.startsWith("source ")).hasSize(3);
    assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("source 12345/8 (OneLogin): missing "
        + "scim-playbook.onelogin.accounts[url=https://acme.onelogin.com].client-id+client-secret"))
        .singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
    assertThat(events).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(API_TOKEN));
  }
}
