package io.scimplaybook.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.scimplaybook.activities.source.SourceAttribution.Attribution;
import io.scimplaybook.activities.source.SourceAttribution.Basis;
import io.scimplaybook.api.PlaybookIds;
import io.scimplaybook.api.activities.FailureTypes;
import io.scimplaybook.api.input.Idp;
import io.scimplaybook.api.input.ScimFailureEvent;
import io.scimplaybook.api.input.SourceProfile;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every branch of the documented attribution order (README, "Which source an event belongs to"). */
class SourceAttributionTest {

  private static SourceProfile source(String account, String id, Idp idp, String name) {
    return new SourceProfile(account, id, idp, name, "http://127.0.0.1:1/scim/v2", null);
  }

  private static final SourceAttribution THREE_IDPS = new SourceAttribution(List.of(
      source("100", "7", Idp.ENTRA_ID, "Contoso Entra ID (source 7)"),
      source("100", "9", Idp.OKTA, "HR Okta"),
      source("100", "11", Idp.ONELOGIN, "Sales directory"),
      source("200", "3", Idp.CUSTOM, "Payroll app"),
      source("300", "4", Idp.ENTRA_ID, "Contoso"),
      source("300", "5", Idp.ENTRA_ID, "Fabrikam")));

  private static ScimFailureEvent event(String account, String sourceId, String resourceName, String message) {
    return new ScimFailureEvent(account, sourceId, Instant.parse("2026-11-29T06:00:00Z"), "401", null,
        ScimFailureEvent.ORIGIN_EVENTS_FEED, "ev-1", resourceName, message);
  }

  @Test
  void firstTheEventsOwnSourceIdEvenOverAHintThatSaysOtherwise() {
    Attribution a = THREE_IDPS.attribute(event("100", "9", "Entra ID SCIM", null));
    assertThat(a).isEqualTo(new Attribution(List.of("9"), Basis.EVENT_SOURCE_ID));
  }

  @Test
  void aSourceIdThatIsNoUsableIdCountsAsAbsent() {
    Attribution a = THREE_IDPS.attribute(event("100", "arn:aws:x/y", "Okta", null));
    assertThat(a).isEqualTo(new Attribution(List.of("9"), Basis.NAME));
  }

  @Test
  void thenAnIdpNamedInResourceNameWhenTheAccountHasOneSourceOfIt() {
    assertThat(THREE_IDPS.attribute(event("100", null, "Okta", null)).sourceIds()).containsExactly("9");
    assertThat(THREE_IDPS.attribute(event("100", null, "Azure AD provisioning", null)).sourceIds()).containsExactly("7");
    assertThat(THREE_IDPS.attribute(event("100", null, null, "SCIM provisioning from Microsoft Entra ID failed"))
        .sourceIds()).containsExactly("7");
    assertThat(THREE_IDPS.attribute(event("100", null, "ONELOGIN", null)).sourceIds()).containsExactly("11");
  }

  @Test
  void thenADisplayNameContainedInTheTextCaseInsensitively() {
    Attribution a = THREE_IDPS.attribute(event("300", null, null, "SCIM sync of FABRIKAM failed: 401"));
    assertThat(a).isEqualTo(new Attribution(List.of("5"), Basis.NAME));
  }

  @Test
  void aResourceNameEqualToAConfiguredSourceIdNamesIt() {
    assertThat(THREE_IDPS.attribute(event("300", null, "4", null))).isEqualTo(new Attribution(List.of("4"), Basis.NAME));
  }

  @Test
  void anIdpWithTwoSourcesInTheAccountOrTwoIdpsNamedIsNoMatch() {
    assertThat(THREE_IDPS.attribute(event("300", null, "Entra ID SCIM", null)))
        .isEqualTo(new Attribution(List.of("4", "5"), Basis.EVERY_SOURCE));
    assertThat(THREE_IDPS.attribute(event("100", null, null, "moving from Okta to Entra ID failed")))
        .isEqualTo(new Attribution(List.of("7", "9", "11"), Basis.EVERY_SOURCE));
  }

  @Test
  void thenTheAccountsOnlySource() {
    assertThat(THREE_IDPS.attribute(event("200", null, "Okta", "SCIM provisioning failed")))
        .as("a name matching nothing of this account").isEqualTo(new Attribution(List.of("3"), Basis.ONLY_SOURCE));
    assertThat(THREE_IDPS.attribute(event("200", null, null, null)))
        .isEqualTo(new Attribution(List.of("3"), Basis.ONLY_SOURCE));
  }

  @Test
  void elseEverySourceOfTheAccountEachCopyCarryingItsSourceId() {
    List<ScimFailureEvent> copies = THREE_IDPS.attributed(event("100", null, null, "SCIM provisioning failed"));
    assertThat(copies).extracting(ScimFailureEvent::sourceId).containsExactly("7", "9", "11");
    assertThat(copies).extracting(ScimFailureEvent::eventId).containsOnly("ev-1");
  }

  @Test
  void anAccountWithoutSourcesGoesToTheUnconfiguredRunCountedAndLoggedOnce() {
    Logger logger = (Logger) LoggerFactory.getLogger(SourceAttribution.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      SourceAttribution attribution = new SourceAttribution(List.of(source("100", "7", Idp.ENTRA_ID, "x")));
      for (int poll = 0; poll < 5; poll++) {
        List<ScimFailureEvent> out = attribution.attributed(event("555", null, "Okta", null));
        assertThat(out).extracting(ScimFailureEvent::sourceId).containsExactly(PlaybookIds.UNCONFIGURED_SOURCE);
      }
      attribution.attributed(event("556", null, null, null));

      assertThat(attribution.unconfiguredEvents("555")).isEqualTo(5);
      assertThat(attribution.unconfiguredEvents("556")).isEqualTo(1);
      List<String> warnings = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(warnings).as("once per account, not per poll").hasSize(2);
      assertThat(warnings.get(0)).contains("scim-playbook.sources entry with account-id 555")
          .contains("scim-playbook-555-unconfigured");
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void theUnconfiguredRunsLookupNamesExactlyTheMissingConfiguration() {
    SourceActivitiesImpl sources = new SourceActivitiesImpl(List.of(source("100", "7", Idp.ENTRA_ID, "x")));

    ApplicationFailure none = catchThrowableOfType(ApplicationFailure.class,
        () -> sources.describeSource("555", PlaybookIds.UNCONFIGURED_SOURCE));
    ApplicationFailure other = catchThrowableOfType(ApplicationFailure.class, () -> sources.describeSource("100", "8"));

    assertThat(none.getType()).isEqualTo(FailureTypes.CONFIGURATION);
    assertThat(none.isNonRetryable()).isTrue();
    assertThat(none.getOriginalMessage())
        .startsWith("this worker has no scim-playbook.sources entry with account-id 555:")
        .contains("account-id: \"555\"", "source-id:", "idp:");
    assertThat(other.getOriginalMessage())
        .contains("no scim-playbook.sources entry with account-id 100 and source-id 8")
        .contains("configured for account 100: source-id 7");
  }
}
